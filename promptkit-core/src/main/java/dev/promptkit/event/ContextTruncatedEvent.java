/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.event;

import java.time.Instant;

/**
 * The token budget left some of the history out of a provider request (the stored history is unchanged).
 *
 * @since 0.1.0
 */
public record ContextTruncatedEvent(Instant timestamp, String conversationId, String strategy, int messagesLeftOut,
        int tokensBefore, int tokensAfter) implements Event {

    @Override
    public String type() {
        return "context.truncated";
    }
}
