/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.tokens;

import dev.promptkit.types.Message;
import dev.promptkit.types.ToolCall;

/**
 * Counts how many tokens a text or a message costs a model. Implementations are thread-safe.
 * {@link TokenCounters#forModel(String)} picks the counter for a model.
 *
 * @since 0.1.0
 */
public interface TokenCounter {

    /**
     * The tokens the chat format adds around each message (its role and delimiters): 3, the figure OpenAI
     * documents for its chat models, used for every model since the others publish none.
     */
    int MESSAGE_OVERHEAD = 3;

    /** The tokens in {@code text}; 0 for {@code null} or empty text. */
    int count(String text);

    /**
     * The tokens in a message: its text (for a tool message without content, the tool result as the model
     * sees it) plus the JSON arguments of each tool call it carries.
     */
    default int count(Message message) {
        String body = message.content() == null && message.toolResult() != null
                ? message.toolResult().contentForModel()
                : message.text();
        int tokens = count(body);
        for (ToolCall call : message.toolCalls()) {
            tokens += count(call.argumentsJson());
        }
        return tokens;
    }

    /**
     * What a message costs in a request: {@link #count(Message)}, the name of each tool call it carries and
     * the {@link #MESSAGE_OVERHEAD}. Media parts are not counted.
     */
    default int countInContext(Message message) {
        int tokens = count(message) + MESSAGE_OVERHEAD;
        for (ToolCall call : message.toolCalls()) {
            tokens += count(call.name());
        }
        return tokens;
    }
}
