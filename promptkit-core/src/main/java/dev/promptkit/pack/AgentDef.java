/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.pack;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * A2A agent-card metadata for one prompt; input and output modes default to {@code ["text/plain"]}.
 *
 * @since 0.1.0
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AgentDef(
        @JsonProperty("description") String description,
        @JsonProperty("tags") List<String> tags,
        @JsonProperty("input_modes") List<String> inputModes,
        @JsonProperty("output_modes") List<String> outputModes) {

    public static final List<String> DEFAULT_MODES = List.of("text/plain");

    public AgentDef {
        tags = Immutable.list(tags);
        inputModes = inputModes == null ? DEFAULT_MODES : List.copyOf(inputModes);
        outputModes = outputModes == null ? DEFAULT_MODES : List.copyOf(outputModes);
    }
}
