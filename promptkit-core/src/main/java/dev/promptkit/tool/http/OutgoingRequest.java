/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.tool.http;

import dev.promptkit.secret.SecretRedactor;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * A request of an HTTP tool as a {@link PreRequestHook} sees it: the method, the URI, the JSON body and the headers,
 * whose credentials (values read from the environment, values of credential headers such as {@code Authorization})
 * show as {@code [redacted]}. The hook may set headers; those it sets are sent as given, and the values of those whose
 * names say they carry a credential are masked in what the model sees.
 *
 * @since 0.1.0
 */
public final class OutgoingRequest {

    private final String method;
    private final URI uri;
    private final byte[] body;
    private final Map<String, String> configured;
    private final SecretRedactor secrets;
    private final Map<String, String> set = new LinkedHashMap<>();

    OutgoingRequest(String method, URI uri, byte[] body, Map<String, String> configured, SecretRedactor secrets) {
        this.method = method;
        this.uri = uri;
        this.body = body;
        this.configured = configured;
        this.secrets = secrets;
    }

    /** The HTTP method, upper case. */
    public String method() {
        return method;
    }

    /** The URI, path variables and query parameters filled in. */
    public URI uri() {
        return uri;
    }

    /** The JSON body as sent, in UTF-8; {@code null} when the arguments went into the query. */
    public String body() {
        return body == null ? null : new String(body, StandardCharsets.UTF_8);
    }

    /** The headers to be sent, by name, credentials masked; read-only. */
    public Map<String, String> headers() {
        Map<String, String> view = new LinkedHashMap<>();
        configured.forEach((name, value) -> {
            if (!isSet(name)) {
                view.put(name, secrets.redact(value));
            }
        });
        set.forEach((name, value) -> view.put(name, secrets.redact(value)));
        return Collections.unmodifiableMap(view);
    }

    /**
     * Sends header {@code name} with {@code value}, in place of a configured one of that name.
     *
     * @throws IllegalArgumentException for a name that is not a header name, a header the HTTP client sets itself,
     *         or a value holding a control character
     */
    public OutgoingRequest header(String name, String value) {
        RequestHeaders.checkName(name);
        RequestHeaders.checkedValue(name, Objects.requireNonNull(value, "value"));
        set.keySet().removeIf(existing -> existing.equalsIgnoreCase(name));
        set.put(name, value);
        return this;
    }

    /** Every header to send, unmasked: the configured ones with those the hook set over them. */
    Map<String, String> toSend() {
        Map<String, String> all = new LinkedHashMap<>();
        configured.forEach((name, value) -> {
            if (!isSet(name)) {
                all.put(name, value);
            }
        });
        all.putAll(set);
        return all;
    }

    /** The values of the credential headers the hook set, to be masked like the configured ones. */
    List<String> credentialsSet() {
        return SecretRedactor.credentialValues(set);
    }

    private boolean isSet(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        return set.keySet().stream().anyMatch(own -> own.toLowerCase(Locale.ROOT).equals(lower));
    }
}
