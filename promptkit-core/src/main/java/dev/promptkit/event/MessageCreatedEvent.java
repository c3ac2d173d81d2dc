/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.event;

import dev.promptkit.types.Message;
import java.time.Instant;

/**
 * A message became part of a turn: the user's message, each assistant answer (with its tool calls, tokens and cost),
 * each tool result, in the order the turn made them. What a recorder needs to rebuild (and replay) a conversation.
 *
 * @since 0.1.0
 */
public record MessageCreatedEvent(Instant timestamp, String conversationId, Message message) implements Event {

    @Override
    public String type() {
        return "message.created";
    }
}
