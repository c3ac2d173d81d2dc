/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.event;

import java.time.Instant;

/**
 * A workflow entered terminal state {@code finalState}, after {@code transitions} transitions.
 *
 * @since 0.2.0
 */
public record WorkflowCompletedEvent(Instant timestamp, String conversationId, String finalState, int transitions)
        implements Event {

    @Override
    public String type() {
        return "workflow.completed";
    }
}
