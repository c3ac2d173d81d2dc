/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.pack;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Map;

/**
 * One state of a {@link WorkflowConfig}: the prompt it runs, its event transitions, and (v1.4) whether it ends the
 * workflow, how often it may be entered, and the artifacts it carries between visits.
 *
 * @since 0.1.0
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record WorkflowState(
        @JsonProperty("prompt_task") String promptTask,
        @JsonProperty("description") String description,
        @JsonProperty("on_event") Map<String, String> onEvent,
        @JsonProperty("persistence") String persistence,
        @JsonProperty("orchestration") String orchestration,
        @JsonProperty("skills") String skills,
        @JsonProperty("terminal") Boolean terminal,
        @JsonProperty("max_visits") Integer maxVisits,
        @JsonProperty("on_max_visits") String onMaxVisits,
        @JsonProperty("artifacts") Map<String, ArtifactDef> artifacts) {

    public WorkflowState {
        terminal = terminal == null ? Boolean.FALSE : terminal;
        onEvent = Immutable.map(onEvent);
        artifacts = Immutable.map(artifacts);
    }
}
