/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.context;

import dev.promptkit.tokens.CharacterRatioTokenCounter;
import dev.promptkit.tokens.TokenCounter;
import dev.promptkit.tokens.TokenCounters;
import dev.promptkit.types.Message;
import dev.promptkit.types.Role;
import dev.promptkit.types.ToolCall;
import dev.promptkit.types.ToolResult;
import java.util.List;
import java.util.Map;

/** Messages of exact sizes under the estimate ({@code mock-model}), for budget arithmetic a reader can follow. */
final class Messages {

    static final String MODEL = "mock-model";
    static final TokenCounter COUNTER = TokenCounters.forModel(MODEL);

    private Messages() {
    }

    /** A user message costing {@code tokens} in a request: its label, padded. */
    static Message user(String label, int tokens) {
        return Message.user(padded(label, tokens));
    }

    static Message assistant(String label, int tokens) {
        return Message.assistant(padded(label, tokens));
    }

    static Message system(String label, int tokens) {
        return Message.system(padded(label, tokens));
    }

    static Message toolCall(String id) {
        return Message.assistant(null, List.of(ToolCall.of(id, "lookup", Map.of("id", id))));
    }

    static Message toolResult(String id) {
        return Message.tool(ToolResult.success(id, "lookup", "{\"found\":\"" + id + "\"}", 1));
    }

    static int tokens(List<Message> messages) {
        return messages.stream().mapToInt(COUNTER::countInContext).sum();
    }

    static int tokens(Message... messages) {
        return tokens(List.of(messages));
    }

    /** The label of a message made here: its text up to the padding. */
    static String label(Message message) {
        if (message.role() == Role.TOOL) {
            return "result " + message.toolResult().id();
        }
        if (message.hasToolCalls()) {
            return "call " + message.toolCalls().get(0).id();
        }
        return message.text().replaceAll("\\.+$", "");
    }

    private static String padded(String label, int tokens) {
        int chars = (tokens - TokenCounter.MESSAGE_OVERHEAD) * CharacterRatioTokenCounter.CHARS_PER_TOKEN;
        if (label.length() > chars) {
            throw new IllegalArgumentException(label + " does not fit in " + tokens + " tokens");
        }
        return label + ".".repeat(chars - label.length());
    }
}
