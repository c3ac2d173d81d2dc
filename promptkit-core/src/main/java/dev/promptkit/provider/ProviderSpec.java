/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.provider;

import java.util.Map;

/**
 * What it takes to create a provider of some type, from configuration ({@code promptkit.providers.<name>.*})
 * or code. {@code options} carries type-specific settings (for example {@code api-version} for Azure
 * OpenAI). {@link #toString()} never shows the API key.
 *
 * @param name the name the provider is known by
 * @param type the provider type ({@code openai}, {@code anthropic}, {@code gemini}, {@code ollama}, {@code mock}, or a custom one)
 * @param apiKey the API key, or {@code null}
 * @param baseUrl the API's base URL, or {@code null} for the type's default
 * @param model the default model, or {@code null} for the type's default
 * @param headers extra HTTP headers sent with every request
 * @param options type-specific settings
 *
 * @since 0.1.0
 */
public record ProviderSpec(String name, String type, String apiKey, String baseUrl, String model,
        Map<String, String> headers, Map<String, Object> options) {

    public ProviderSpec {
        headers = headers == null ? Map.of() : Map.copyOf(headers);
        options = options == null ? Map.of() : Map.copyOf(options);
    }

    public static ProviderSpec of(String type, String apiKey, String baseUrl) {
        return new ProviderSpec(type, type, apiKey, baseUrl, null, null, null);
    }

    /** A type-specific option as text, or {@code null}. */
    public String option(String key) {
        Object value = options.get(key);
        return value == null ? null : value.toString();
    }

    @Override
    public String toString() {
        return "ProviderSpec[name=" + name + ", type=" + type + ", apiKey=" + (apiKey == null ? "none" : "******")
                + ", baseUrl=" + baseUrl + ", model=" + model + ", headers=" + headers.keySet() + ", options="
                + options.keySet() + "]";
    }
}
