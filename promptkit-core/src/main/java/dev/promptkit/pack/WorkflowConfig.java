/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.pack;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Map;

/**
 * The pack's {@code workflow} (v1.3+): a state machine over the pack's prompts, starting at {@code entry}.
 *
 * @since 0.1.0
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record WorkflowConfig(
        @JsonProperty("version") int version,
        @JsonProperty("entry") String entry,
        @JsonProperty("states") Map<String, WorkflowState> states,
        @JsonProperty("engine") WorkflowEngine engine) {

    public WorkflowConfig {
        states = Immutable.map(states);
    }
}
