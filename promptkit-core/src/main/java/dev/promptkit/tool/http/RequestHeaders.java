/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.tool.http;

import dev.promptkit.secret.SecretRedactor;
import dev.promptkit.tool.http.HttpToolConfig.EnvironmentHeader;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The headers an {@link HttpToolExecutor} sends, fixed ones and those read from the environment,
 * resolved once. Remembers the values read from the environment, and those of fixed headers whose names say
 * they carry a credential, as secrets, so that they can be scrubbed from what the model sees and from every
 * error. No message here ever holds a header's value.
 */
final class RequestHeaders {

    private static final Pattern TOKEN = Pattern.compile("[!#$%&'*+.^_`|~0-9A-Za-z-]+");
    private static final Set<String> SET_BY_CLIENT = Set.of("connection", "content-length", "expect", "host",
            "upgrade");

    private final Map<String, String> values;
    private final List<String> secrets;

    private RequestHeaders(Map<String, String> values, List<String> secrets) {
        this.values = Collections.unmodifiableMap(values);
        this.secrets = List.copyOf(secrets);
    }

    /**
     * Reads the environment variables {@code config} names.
     *
     * @throws IllegalStateException naming every variable that is unset or blank
     */
    static RequestHeaders resolve(HttpToolConfig config, Map<String, String> environment) {
        Map<String, String> values = new LinkedHashMap<>(config.headers());
        List<String> secrets = new ArrayList<>(SecretRedactor.credentialValues(config.headers()));
        List<String> missing = new ArrayList<>();
        for (EnvironmentHeader header : config.headersFromEnv()) {
            String value = environment.get(header.variable());
            if (value == null || value.isBlank()) {
                missing.add(header.variable() + " (for header " + header.name() + ")");
                continue;
            }
            value = value.strip();
            if (hasControlCharacter(value)) {
                throw new IllegalStateException("Environment variable " + header.variable() + " (for header "
                        + header.name() + ") holds a control character, which a header value cannot hold");
            }
            values.put(header.name(), header.prefix() + value);
            secrets.add(value);
        }
        if (!missing.isEmpty()) {
            throw new IllegalStateException("The HTTP tool calling " + config.url()
                    + " needs environment variables that are not set: " + String.join(", ", missing));
        }
        return new RequestHeaders(values, secrets);
    }

    /** Every header to send, by name. */
    Map<String, String> values() {
        return values;
    }

    /** Masks the values read from environment variables and those of fixed credential headers. */
    SecretRedactor redactor() {
        return SecretRedactor.of(secrets);
    }

    static void checkName(String name) {
        if (name == null || !TOKEN.matcher(name).matches()) {
            throw new IllegalArgumentException("'" + name + "' is not a valid header name");
        }
        if (SET_BY_CLIENT.contains(name.toLowerCase(Locale.ROOT))) {
            throw new IllegalArgumentException("header '" + name + "' is set by the HTTP client, not configured");
        }
    }

    static String checkedValue(String name, String value) {
        if (hasControlCharacter(value)) {
            throw new IllegalArgumentException("the value of header '" + name + "' holds a control character");
        }
        return value;
    }

    private static boolean hasControlCharacter(String value) {
        return value.chars().anyMatch(c -> (c < 0x20 && c != '\t') || c == 0x7f);
    }
}
