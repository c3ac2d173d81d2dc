/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.pack;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.promptkit.types.ModelParameters;

/**
 * The model parameters a prompt asks for; {@code null} leaves a parameter to the provider.
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
        @JsonProperty("presence_penalty") Double presencePenalty) {

    public static final Parameters NONE = new Parameters(null, null, null, null, null, null);

    /** These parameters as the provider SPI takes them. */
    public ModelParameters toModelParameters() {
        return new ModelParameters(temperature, maxTokens, topP, topK, null, frequencyPenalty, presencePenalty);
    }
}
