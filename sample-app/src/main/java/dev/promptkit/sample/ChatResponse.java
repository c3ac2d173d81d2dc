/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.sample;

import dev.promptkit.sdk.Response;
import dev.promptkit.tool.PendingToolCall;
import dev.promptkit.types.ToolCall;
import dev.promptkit.types.ValidationResult;
import java.math.BigDecimal;
import java.util.List;

/** The JSON answer to one chat message (or to a continued turn); {@code cost} is exact, in US dollars. */
record ChatResponse(String text, List<ToolCall> toolCalls, List<PendingToolCall> pendingTools, long inputTokens,
        long outputTokens, BigDecimal cost, long durationMs, List<ValidationResult> validations) {

    /** The same without the text, for the end of a stream whose text the client has already had in pieces. */
    ChatResponse withoutText() {
        return new ChatResponse(null, toolCalls, pendingTools, inputTokens, outputTokens, cost, durationMs,
                validations);
    }

    static ChatResponse of(Response response) {
        return new ChatResponse(response.text(), response.toolCalls(), response.pendingTools(), response.inputTokens(),
                response.outputTokens(), response.cost(), response.duration().toMillis(), response.validations());
    }
}
