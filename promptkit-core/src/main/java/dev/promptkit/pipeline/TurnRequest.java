/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.pipeline;

import dev.promptkit.types.Message;
import dev.promptkit.types.ReasoningSettings;
import java.util.Map;

/**
 * What a turn is asked to do: the conversation, the variables set on it for this turn (options and
 * {@code setVar}, before defaults and variable providers), the user's message with its attachments
 * ({@code null} when the turn only continues after held tool calls were decided, or opens a live session), and the
 * reasoning settings sent with the message, which win over the pack's and the conversation's.
 *
 * @since 0.1.0
 */
public record TurnRequest(String conversationId, Map<String, String> variables, Message userMessage,
        ReasoningSettings reasoning) {

    public TurnRequest {
        variables = Map.copyOf(variables);
        reasoning = reasoning == null ? ReasoningSettings.NONE : reasoning;
    }

    /** A turn without reasoning settings of its own. */
    public TurnRequest(String conversationId, Map<String, String> variables, Message userMessage) {
        this(conversationId, variables, userMessage, ReasoningSettings.NONE);
    }
}
