/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.types;

/**
 * Sampling parameters sent with a request; {@code null} means "the provider's default". {@code reasoning} is never
 * {@code null} ({@link ReasoningSettings#NONE} asks for nothing).
 *
 * @since 0.1.0
 */
public record ModelParameters(Double temperature, Integer maxTokens, Double topP, Integer topK, Long seed,
        Double frequencyPenalty, Double presencePenalty, ReasoningSettings reasoning) {

    public static final ModelParameters DEFAULTS = new ModelParameters(null, null, null, null, null, null, null);

    public ModelParameters {
        reasoning = reasoning == null ? ReasoningSettings.NONE : reasoning;
    }

    /** Sampling parameters without reasoning settings. */
    public ModelParameters(Double temperature, Integer maxTokens, Double topP, Integer topK, Long seed,
            Double frequencyPenalty, Double presencePenalty) {
        this(temperature, maxTokens, topP, topK, seed, frequencyPenalty, presencePenalty, ReasoningSettings.NONE);
    }

    /** These parameters with {@code settings} laid over their reasoning settings. */
    public ModelParameters withReasoning(ReasoningSettings settings) {
        return new ModelParameters(temperature, maxTokens, topP, topK, seed, frequencyPenalty, presencePenalty,
                reasoning.overriddenBy(settings));
    }

    /** These parameters with every non-null value of {@code overrides} laid over them. */
    public ModelParameters overriddenBy(ModelParameters overrides) {
        if (overrides == null) {
            return this;
        }
        return new ModelParameters(pick(overrides.temperature, temperature), pick(overrides.maxTokens, maxTokens),
                pick(overrides.topP, topP), pick(overrides.topK, topK), pick(overrides.seed, seed),
                pick(overrides.frequencyPenalty, frequencyPenalty), pick(overrides.presencePenalty, presencePenalty),
                reasoning.overriddenBy(overrides.reasoning));
    }

    private static <T> T pick(T preferred, T fallback) {
        return preferred != null ? preferred : fallback;
    }
}
