/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.pack;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.promptkit.types.ModelParameters;
import dev.promptkit.types.ReasoningSettings;

/**
 * The model parameters a prompt asks for; {@code null} leaves a parameter to the provider. The reasoning
 * parameters ({@code reasoning_effort}, {@code thinking_budget}, {@code include_thoughts}) are this port's
 * additions to the PromptPack schema (see {@code ReasoningParameters}); they take precedence over the conversation's
 * reasoning options and give way to a send's.
 *
 * @since 0.1.0
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Parameters(
        @JsonProperty("temperature") Double temperature,
        @JsonProperty("max_tokens") Integer maxTokens,
        @JsonProperty("top_p") Double topP,
        @JsonProperty("top_k") Integer topK,
        @JsonProperty("frequency_penalty") Double frequencyPenalty,
        @JsonProperty("presence_penalty") Double presencePenalty,
        @JsonProperty("reasoning_effort") String reasoningEffort,
        @JsonProperty("thinking_budget") Integer thinkingBudget,
        @JsonProperty("include_thoughts") Boolean includeThoughts) {

    public static final Parameters NONE = new Parameters(null, null, null, null, null, null);

    /** Sampling parameters without reasoning settings. */
    public Parameters(Double temperature, Integer maxTokens, Double topP, Integer topK, Double frequencyPenalty,
            Double presencePenalty) {
        this(temperature, maxTokens, topP, topK, frequencyPenalty, presencePenalty, null, null, null);
    }

    /** These parameters as the provider SPI takes them. */
    public ModelParameters toModelParameters() {
        return new ModelParameters(temperature, maxTokens, topP, topK, null, frequencyPenalty, presencePenalty,
                new ReasoningSettings(thinkingBudget, reasoningEffort, includeThoughts));
    }
}
