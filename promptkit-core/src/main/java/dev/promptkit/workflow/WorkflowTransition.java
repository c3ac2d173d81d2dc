/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.workflow;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * One move of a workflow: from a state to another on an event, with the context the model carried forward.
 *
 * @param redirectedFrom the state the event targets, when its {@code max_visits} sent the workflow to its
 *     {@code on_max_visits} state {@code to} instead; else {@code null}
 * @param atMillis when it happened, in milliseconds since the epoch
 *
 * @since 0.2.0
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record WorkflowTransition(
        @JsonProperty("from") String from,
        @JsonProperty("to") String to,
        @JsonProperty("event") String event,
        @JsonProperty("context") String context,
        @JsonProperty("redirected_from") String redirectedFrom,
        @JsonProperty("at") long atMillis) {
}
