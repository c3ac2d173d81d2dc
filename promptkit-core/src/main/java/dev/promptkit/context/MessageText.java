/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.context;

import dev.promptkit.types.Message;
import dev.promptkit.types.ToolCall;
import java.util.List;
import java.util.StringJoiner;

/** Messages as plain text, for summarising and embedding: their text, tool results and tool calls. */
final class MessageText {

    private MessageText() {
    }

    /** The message's text (for a tool message without content, its result), then one line per tool call. */
    static String of(Message message) {
        StringJoiner text = new StringJoiner("\n");
        String body = message.content() == null && message.toolResult() != null
                ? message.toolResult().contentForModel()
                : message.text();
        if (body != null && !body.isBlank()) {
            text.add(body);
        }
        for (ToolCall call : message.toolCalls()) {
            text.add("[called " + call.name() + " with " + call.argumentsJson() + "]");
        }
        return text.toString();
    }

    /** One line per message, each starting with its role: {@code user: ...}. */
    static String transcript(List<Message> messages) {
        StringJoiner transcript = new StringJoiner("\n");
        for (Message message : messages) {
            transcript.add(message.role().wireName() + ": " + of(message));
        }
        return transcript.toString();
    }
}
