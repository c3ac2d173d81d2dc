/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.tool;

import dev.promptkit.types.CostInfo;
import dev.promptkit.types.ToolCall;
import dev.promptkit.types.ToolResult;

/**
 * What became of one tool call in a round: a result for the model, or a call held for approval; {@code cost} is what
 * a {@link MeteredToolExecutor} spent on the result ({@code null} for other tools).
 *
 * @since 0.1.0
 */
public record ToolOutcome(ToolCall call, ToolResult result, PendingToolCall pending, CostInfo cost) {

    static ToolOutcome result(ToolCall call, ToolResult result) {
        return new ToolOutcome(call, result, null, null);
    }

    static ToolOutcome result(ToolCall call, ToolResult result, CostInfo cost) {
        return new ToolOutcome(call, result, null, cost);
    }

    static ToolOutcome held(ToolCall call, PendingToolCall pending) {
        return new ToolOutcome(call, null, pending, null);
    }

    public boolean isPending() {
        return pending != null;
    }
}
