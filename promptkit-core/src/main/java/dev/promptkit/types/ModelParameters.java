/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.types;

/**
 * Sampling parameters sent with a request; {@code null} means "the provider's default".
 *
 * @since 0.1.0
 */
public record ModelParameters(Double temperature, Integer maxTokens, Double topP, Integer topK, Long seed,
        Double frequencyPenalty, Double presencePenalty) {

    public static final ModelParameters DEFAULTS = new ModelParameters(null, null, null, null, null, null, null);

    /** These parameters with every non-null value of {@code overrides} laid over them. */
    public ModelParameters overriddenBy(ModelParameters overrides) {
        if (overrides == null) {
            return this;
        }
        return new ModelParameters(pick(overrides.temperature, temperature), pick(overrides.maxTokens, maxTokens),
                pick(overrides.topP, topP), pick(overrides.topK, topK), pick(overrides.seed, seed),
                pick(overrides.frequencyPenalty, frequencyPenalty), pick(overrides.presencePenalty, presencePenalty));
    }

    private static <T> T pick(T preferred, T fallback) {
        return preferred != null ? preferred : fallback;
    }
}
