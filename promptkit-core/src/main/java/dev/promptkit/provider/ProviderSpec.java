/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.provider;

import dev.promptkit.provider.http.HttpProviderSettings;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * What it takes to create a provider of some type, from configuration ({@code promptkit.providers.<name>.*}) or code:
 * its name and type, default model, how it talks HTTP (base URL, API key, headers, timeouts, connection pool,
 * concurrency limit, retries), the largest answer it may stream, and type-specific options (for example
 * {@code api-version} for Azure OpenAI). {@link #toString()} never shows the API key.
 *
 * <pre>{@code
 * ProviderSpec spec = ProviderSpec.builder("claude", "anthropic").apiKey(key).model("claude-sonnet-4-5")
 *         .http(http -> http.maxIdleTime(Duration.ofSeconds(10)).retry(RetryPolicy.DISABLED))
 *         .limits(new AnswerLimits(20_000, 4_000))
 *         .build();
 * }</pre>
 *
 * @param name the name the provider is known by
 * @param type the provider type ({@code openai}, {@code anthropic}, {@code gemini}, {@code ollama}, {@code mock}, or a
 *     custom one)
 * @param model the default model, or {@code null} for the type's default
 * @param http where and how an HTTP provider calls its API; anything unset keeps its default
 * @param limits the largest answer one call may stream (any type, the mock too)
 * @param options type-specific settings; values are typed objects or their text (from a property map)
 *
 * @since 0.1.0
 */
public record ProviderSpec(String name, String type, String model, HttpProviderSettings http, AnswerLimits limits,
        Map<String, Object> options) {

    public ProviderSpec {
        http = http == null ? HttpProviderSettings.builder().build() : http;
        limits = limits == null ? AnswerLimits.DEFAULT : limits;
        options = options == null ? Map.of() : Map.copyOf(options);
    }

    /** A spec named after its type, with a key and a base URL (either may be {@code null}). */
    public static ProviderSpec of(String type, String apiKey, String baseUrl) {
        return builder(type, type).apiKey(apiKey).baseUrl(baseUrl).build();
    }

    public static Builder builder(String name, String type) {
        return new Builder(name, type);
    }

    /** The API key, or {@code null}. */
    public String apiKey() {
        return http.apiKey();
    }

    /** The API's base URL, or {@code null} for the type's default. */
    public String baseUrl() {
        return http.baseUrl();
    }

    /** Extra HTTP headers sent with every request. */
    public Map<String, String> headers() {
        return http.headers();
    }

    /** A type-specific option as text, or {@code null}. */
    public String option(String key) {
        Object value = options.get(key);
        return value == null ? null : value.toString();
    }

    @Override
    public String toString() {
        return "ProviderSpec[name=" + name + ", type=" + type + ", model=" + model + ", http=" + http + ", limits="
                + limits + ", options=" + options.keySet() + "]";
    }

    /** Builds a {@link ProviderSpec}; anything not set takes its default. */
    public static final class Builder {

        private final String name;
        private final String type;
        private String model;
        private final HttpProviderSettings.Builder http = HttpProviderSettings.builder();
        private AnswerLimits limits = AnswerLimits.DEFAULT;
        private final Map<String, Object> options = new LinkedHashMap<>();

        private Builder(String name, String type) {
            this.name = name;
            this.type = type;
        }

        public Builder model(String defaultModel) {
            this.model = defaultModel;
            return this;
        }

        public Builder apiKey(String apiKey) {
            http.apiKey(apiKey);
            return this;
        }

        public Builder baseUrl(String baseUrl) {
            http.baseUrl(baseUrl);
            return this;
        }

        public Builder headers(Map<String, String> headers) {
            http.headers(headers);
            return this;
        }

        /** Sets timeouts, the connection pool, the concurrency limit or retries on the HTTP settings. */
        public Builder http(Consumer<HttpProviderSettings.Builder> settings) {
            settings.accept(http);
            return this;
        }

        public Builder limits(AnswerLimits answerLimits) {
            this.limits = Objects.requireNonNull(answerLimits, "limits");
            return this;
        }

        public Builder option(String key, Object value) {
            options.put(Objects.requireNonNull(key, "key"), Objects.requireNonNull(value, "value"));
            return this;
        }

        public Builder options(Map<String, ?> values) {
            values.forEach(this::option);
            return this;
        }

        public ProviderSpec build() {
            return new ProviderSpec(name, type, model, http.build(), limits, options);
        }
    }
}
