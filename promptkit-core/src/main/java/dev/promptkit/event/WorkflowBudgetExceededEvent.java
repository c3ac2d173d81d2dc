/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.event;

import java.time.Instant;

/**
 * A workflow reached a limit in state {@code state}: a budget field ({@code max_total_visits},
 * {@code max_tool_calls}, {@code max_wall_time_sec}) or a state's {@code max_visits}, {@code used} of {@code max}.
 *
 * @since 0.2.0
 */
public record WorkflowBudgetExceededEvent(Instant timestamp, String conversationId, String state, String limit,
        long used, long max) implements Event {

    @Override
    public String type() {
        return "workflow.budget_exceeded";
    }
}
