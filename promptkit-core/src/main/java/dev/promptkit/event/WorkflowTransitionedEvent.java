/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.event;

import java.time.Instant;

/**
 * A workflow moved from state {@code from} to state {@code to} on {@code event}; {@code redirectedFrom} is the state
 * the event targets when its {@code max_visits} sent the workflow elsewhere, else {@code null}.
 *
 * @since 0.2.0
 */
public record WorkflowTransitionedEvent(Instant timestamp, String conversationId, String from, String to,
        String event, String redirectedFrom) implements Event {

    @Override
    public String type() {
        return "workflow.transitioned";
    }
}
