/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.context;

import dev.promptkit.tokens.TokenCounter;

/**
 * What a {@link ContextBudget} did to one request. Token counts include each message's overhead
 * ({@link TokenCounter#countInContext}).
 *
 * @param truncation the configured strategy
 * @param budget the token budget
 * @param reserveForOutput the tokens kept free for the answer
 * @param systemPromptTokens the tokens of the system prompt
 * @param available what is left for the messages: budget minus output reserve minus system prompt
 * @param tokensBefore the tokens of every message of the conversation
 * @param tokensSent the tokens of the messages sent (a summary included)
 * @param messagesBefore how many messages the conversation has
 * @param messagesSent how many messages are sent (a summary included)
 * @param messagesDropped how many messages are neither sent nor summarised
 * @param messagesSummarized how many messages a summary replaces
 * @param fallbackReason why the sliding window was applied instead of the configured strategy, or {@code null}
 *
 * @since 0.1.0
 */
public record ContextDecision(Truncation truncation, int budget, int reserveForOutput, int systemPromptTokens,
        int available, int tokensBefore, int tokensSent, int messagesBefore, int messagesSent, int messagesDropped,
        int messagesSummarized, String fallbackReason) {

    /** Whether the request differs from the conversation. */
    public boolean truncated() {
        return messagesDropped > 0 || messagesSummarized > 0;
    }
}
