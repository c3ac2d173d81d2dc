/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.tool;

import dev.promptkit.PromptKitException;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A conversation cannot take a new message, or continue its turn, while tool calls it holds for approval wait for
 * a decision (or run after their approval): the model's request for them must be answered first. Approve or
 * reject them, then continue the turn or send the message.
 *
 * @since 0.1.0
 */
public class PendingToolCallsException extends PromptKitException {

    private static final long serialVersionUID = 1L;

    private final String conversationId;
    private final List<String> callIds;

    public PendingToolCallsException(String conversationId, List<PendingToolCall> calls) {
        super("Conversation '" + conversationId + "' holds tool calls that wait for a decision: "
                + calls.stream().map(PendingToolCallsException::describe).collect(Collectors.joining(", "))
                + "; approve or reject them before sending a new message or continuing the turn");
        this.conversationId = conversationId;
        this.callIds = calls.stream().map(PendingToolCall::id).toList();
    }

    private static String describe(PendingToolCall call) {
        return call.id() + " (" + call.name() + ", " + (call.isRunning() ? "running after its approval"
                : "waiting for approval") + ")";
    }

    public String conversationId() {
        return conversationId;
    }

    /** The ids of the calls that wait or run. */
    public List<String> callIds() {
        return callIds;
    }
}
