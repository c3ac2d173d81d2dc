/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.tool.http;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import tools.jackson.core.JsonPointer;

/**
 * How an {@link HttpToolExecutor} calls one HTTP endpoint: the URL (whose path may hold {@code {name}}
 * variables filled from the call's arguments), the method, the headers, the timeout, and what of the
 * response the model may see.
 *
 * <p>The method decides where the arguments go: a JSON object body for {@code POST}, {@code PUT} and
 * {@code PATCH}, query parameters for {@code GET} and {@code DELETE}; arguments that fill path variables
 * are sent nowhere else. Redaction applies to the whole response body, before the selection.
 *
 * <pre>{@code
 * HttpToolConfig orders = HttpToolConfig.builder("https://shop.example.com/api/orders/{order_id}")
 *         .method("GET")
 *         .headerFromEnv("Authorization", "SHOP_TOKEN", "Bearer ")
 *         .timeout(Duration.ofSeconds(5))
 *         .redact("/customer/email", "payment_token")
 *         .select("/order")
 *         .build();
 * }</pre>
 *
 * Immutable; {@link #toString()} names headers but never shows their values.
 *
 * @since 0.1.0
 */
public final class HttpToolConfig {

    /** The timeout when none is set: 30 seconds, as in PromptKit. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);

    /** The largest response accepted when no limit is set: 1 MiB. */
    public static final int DEFAULT_MAX_RESPONSE_BYTES = 1024 * 1024;

    private static final Set<String> METHODS = Set.of("GET", "POST", "PUT", "PATCH", "DELETE");
    private static final Set<String> BODY_METHODS = Set.of("POST", "PUT", "PATCH");

    private final String url;
    private final UrlTemplate urlTemplate;
    private final String method;
    private final Map<String, String> headers;
    private final List<EnvironmentHeader> headersFromEnv;
    private final Duration timeout;
    private final List<String> redact;
    private final List<JsonPointer> redactPointers;
    private final JsonPointer select;
    private final int maxResponseBytes;
    private final HttpToolHooks hooks;

    private HttpToolConfig(Builder builder) {
        this.url = builder.url;
        this.urlTemplate = UrlTemplate.parse(builder.url);
        this.method = builder.method;
        this.headers = Collections.unmodifiableMap(new LinkedHashMap<>(builder.headers));
        this.headersFromEnv = List.copyOf(builder.headersFromEnv);
        this.timeout = builder.timeout;
        this.redact = List.copyOf(builder.redact);
        this.redactPointers = redact.stream().map(HttpToolConfig::redactPointer).toList();
        this.select = builder.select == null ? null : pointer(builder.select, "select");
        this.maxResponseBytes = builder.maxResponseBytes;
        this.hooks = builder.hooks;
    }

    /** Starts a configuration for {@code url}: absolute {@code http} or {@code https}, no user info or fragment. */
    public static Builder builder(String url) {
        return new Builder(url);
    }

    /** The URL as configured, path variables unexpanded. */
    public String url() {
        return url;
    }

    /** The HTTP method, upper case. */
    public String method() {
        return method;
    }

    /** The headers with fixed values, in the order they were added. */
    public Map<String, String> headers() {
        return headers;
    }

    /** The headers whose values come from environment variables. */
    public List<EnvironmentHeader> headersFromEnv() {
        return headersFromEnv;
    }

    /** How long a call may take, from sending the request to the end of the response body. */
    public Duration timeout() {
        return timeout;
    }

    /** The redacted response fields as configured: JSON pointers and top-level field names. */
    public List<String> redact() {
        return redact;
    }

    /** The JSON pointer of the part of the response the model sees, if only a part. */
    public Optional<String> select() {
        return Optional.ofNullable(select).map(JsonPointer::toString);
    }

    /** The largest response body accepted, in bytes. */
    public int maxResponseBytes() {
        return maxResponseBytes;
    }

    /** The argument transform, pre-request and post-process hooks. */
    public HttpToolHooks hooks() {
        return hooks;
    }

    /** Whether the arguments go in a JSON body rather than in query parameters. */
    boolean sendsBody() {
        return BODY_METHODS.contains(method);
    }

    UrlTemplate urlTemplate() {
        return urlTemplate;
    }

    List<JsonPointer> redactPointers() {
        return redactPointers;
    }

    JsonPointer selectPointer() {
        return select;
    }

    @Override
    public String toString() {
        String envHeaders = headersFromEnv.stream().map(h -> h.name() + "=$" + h.variable())
                .collect(Collectors.joining(", ", "{", "}"));
        return "HttpToolConfig[" + method + " " + url + ", headers=" + headers.keySet() + ", headersFromEnv="
                + envHeaders + ", timeout=" + timeout + ", redact=" + redact + ", select=" + select().orElse("-")
                + ", maxResponseBytes=" + maxResponseBytes + hookNames() + "]";
    }

    private String hookNames() {
        List<String> names = new ArrayList<>(3);
        if (hooks.transform() != null) {
            names.add("transform");
        }
        if (hooks.preRequest() != null) {
            names.add("preRequest");
        }
        if (hooks.postProcess() != null) {
            names.add("postProcess");
        }
        return names.isEmpty() ? "" : ", hooks=" + names;
    }

    private static JsonPointer redactPointer(String entry) {
        return entry.startsWith("/") ? pointer(entry, "redact")
                : JsonPointer.empty().appendProperty(entry);
    }

    private static JsonPointer pointer(String expression, String option) {
        JsonPointer pointer;
        try {
            pointer = JsonPointer.compile(expression);
        }
        catch (IllegalArgumentException invalid) {
            throw new IllegalArgumentException(option + ": '" + expression + "' is not a JSON pointer", invalid);
        }
        if (pointer.matches()) {
            throw new IllegalArgumentException(option + " needs a pointer below the root, not '" + expression + "'");
        }
        return pointer;
    }

    /**
     * A header whose value is read from an environment variable when the executor is built.
     *
     * @param name the header's name
     * @param variable the environment variable holding the value
     * @param prefix text put before the value, such as {@code "Bearer "}; empty for none
     */
    public record EnvironmentHeader(String name, String variable, String prefix) {

        public EnvironmentHeader {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(variable, "variable");
            prefix = Objects.requireNonNullElse(prefix, "");
            if (variable.isBlank()) {
                throw new IllegalArgumentException("header '" + name + "' needs an environment variable name");
            }
        }
    }

    /** Builds an {@link HttpToolConfig}; every setting but the URL is optional. */
    public static final class Builder {

        private final String url;
        private String method = "POST";
        private final Map<String, String> headers = new LinkedHashMap<>();
        private final List<EnvironmentHeader> headersFromEnv = new ArrayList<>();
        private final Set<String> headerNames = new HashSet<>();
        private Duration timeout = DEFAULT_TIMEOUT;
        private final List<String> redact = new ArrayList<>();
        private String select;
        private int maxResponseBytes = DEFAULT_MAX_RESPONSE_BYTES;
        private HttpToolHooks hooks = HttpToolHooks.NONE;

        private Builder(String url) {
            this.url = Objects.requireNonNull(url, "url");
        }

        /** {@code GET}, {@code POST} (the default), {@code PUT}, {@code PATCH} or {@code DELETE}. */
        public Builder method(String method) {
            String upper = Objects.requireNonNull(method, "method").trim().toUpperCase(Locale.ROOT);
            if (!METHODS.contains(upper)) {
                throw new IllegalArgumentException("method must be one of " + METHODS + ", not '" + method + "'");
            }
            this.method = upper;
            return this;
        }

        /** Sends a header with a fixed value. */
        public Builder header(String name, String value) {
            addName(name);
            headers.put(name, RequestHeaders.checkedValue(name, Objects.requireNonNull(value, "value")));
            return this;
        }

        /** Sends a header whose value is the environment variable {@code variable}. */
        public Builder headerFromEnv(String name, String variable) {
            return headerFromEnv(name, variable, "");
        }

        /** Sends a header whose value is {@code prefix} followed by the environment variable {@code variable}. */
        public Builder headerFromEnv(String name, String variable, String prefix) {
            addName(name);
            headersFromEnv.add(new EnvironmentHeader(name, variable, RequestHeaders.checkedValue(name, prefix)));
            return this;
        }

        /** How long a call may take in all; 30 seconds when not set. */
        public Builder timeout(Duration timeout) {
            if (timeout.isNegative() || timeout.isZero()) {
                throw new IllegalArgumentException("timeout must be positive, not " + timeout);
            }
            this.timeout = timeout;
            return this;
        }

        /**
         * Replaces response fields with {@code "[redacted]"} before the model sees them: a JSON pointer
         * ({@code /customer/email}, {@code /items/0/card}) or the name of a top-level field
         * ({@code token}). Fields the response lacks are ignored.
         */
        public Builder redact(String... fields) {
            for (String field : fields) {
                if (field == null || field.isEmpty()) {
                    throw new IllegalArgumentException("redact needs a JSON pointer or a field name");
                }
                redact.add(field);
            }
            return this;
        }

        /** Passes only the part of the JSON response at this JSON pointer (after redaction). */
        public Builder select(String jsonPointer) {
            this.select = Objects.requireNonNull(jsonPointer, "jsonPointer");
            return this;
        }

        /** The largest response body accepted, in bytes; 1 MiB when not set. */
        public Builder maxResponseBytes(int maxResponseBytes) {
            if (maxResponseBytes <= 0) {
                throw new IllegalArgumentException("maxResponseBytes must be positive, not " + maxResponseBytes);
            }
            this.maxResponseBytes = maxResponseBytes;
            return this;
        }

        /** Rewrites the model's arguments before the request is built from them. */
        public Builder transform(ArgumentTransform transform) {
            return hooks(hooks.withTransform(Objects.requireNonNull(transform, "transform")));
        }

        /** Looks at each request just before it is sent, and may set headers (a correlation id, a signature). */
        public Builder preRequest(PreRequestHook preRequest) {
            return hooks(hooks.withPreRequest(Objects.requireNonNull(preRequest, "preRequest")));
        }

        /** Rewrites what the model is shown of a successful response, after redaction and selection. */
        public Builder postProcess(PostProcessHook postProcess) {
            return hooks(hooks.withPostProcess(Objects.requireNonNull(postProcess, "postProcess")));
        }

        /** Sets all three hooks at once, replacing any set before ({@link HttpToolHooks#NONE} for none). */
        public Builder hooks(HttpToolHooks hooks) {
            this.hooks = Objects.requireNonNull(hooks, "hooks");
            return this;
        }

        /** The configuration; fails with an {@link IllegalArgumentException} saying what is wrong. */
        public HttpToolConfig build() {
            return new HttpToolConfig(this);
        }

        private void addName(String name) {
            RequestHeaders.checkName(name);
            if (!headerNames.add(name.toLowerCase(Locale.ROOT))) {
                throw new IllegalArgumentException("header '" + name + "' is configured twice");
            }
        }
    }
}
