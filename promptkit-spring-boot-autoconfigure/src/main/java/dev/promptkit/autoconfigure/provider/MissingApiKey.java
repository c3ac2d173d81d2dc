/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.autoconfigure.provider;

import java.util.Optional;
import java.util.Set;

/**
 * Why a configured provider's API key does not count as configured: it is blank, it is a {@code ${...}}
 * placeholder that nothing resolved (an environment variable that is not set), or it is absent while the
 * provider talks to its vendor's own API (OpenAI, Anthropic, Gemini without a {@code base-url}), which answers
 * 401 to every call without one. Ollama and the mock take no key.
 *
 * @param problem what is wrong with the property, as the end of a sentence naming it ("is blank")
 * @param fix what to do about it
 *
 * @since 0.1.0
 */
public record MissingApiKey(String problem, String fix) {

    private static final Set<String> KEYLESS_TYPES = Set.of("ollama", "mock");
    private static final Set<String> VENDOR_TYPES = Set.of("openai", "anthropic", "gemini");

    /** The problem with the key of a provider of this type, if it has one. */
    public static Optional<MissingApiKey> of(String type, String apiKey, String baseUrl) {
        if (KEYLESS_TYPES.contains(type)) {
            return Optional.empty();
        }
        if (apiKey == null) {
            return VENDOR_TYPES.contains(type) && baseUrl == null
                    ? Optional.of(new MissingApiKey("is not set", "give it a value, for example ${"
                            + type.toUpperCase(java.util.Locale.ROOT) + "_API_KEY}"))
                    : Optional.empty();
        }
        if (isUnresolvedPlaceholder(apiKey)) {
            String variable = variableOf(apiKey);
            return Optional.of(new MissingApiKey("is the unresolved placeholder " + apiKey,
                    "set the environment variable " + variable));
        }
        return apiKey.isBlank() ? Optional.of(new MissingApiKey("is blank", "give it a value")) : Optional.empty();
    }

    /** Whether a value is (or holds) a {@code ${...}} placeholder that was left as it is. */
    public static boolean isUnresolvedPlaceholder(String value) {
        return value != null && value.contains("${");
    }

    private static String variableOf(String placeholder) {
        int start = placeholder.indexOf("${") + 2;
        int end = start;
        while (end < placeholder.length() && placeholder.charAt(end) != ':' && placeholder.charAt(end) != '}') {
            end++;
        }
        return placeholder.substring(start, end);
    }
}
