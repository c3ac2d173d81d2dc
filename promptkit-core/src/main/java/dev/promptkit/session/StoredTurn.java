/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.session;

import dev.promptkit.tool.PendingToolCall;
import dev.promptkit.types.CostInfo;
import dev.promptkit.types.Message;
import dev.promptkit.types.Role;
import java.time.Duration;
import java.util.List;

/**
 * A turn of a live session as it was stored: its messages (the user's first), the calls it held for approval, its
 * cost and how long it took.
 *
 * @since 0.1.0
 */
public record StoredTurn(List<Message> messages, List<PendingToolCall> heldCalls, CostInfo cost, Duration duration) {

    public StoredTurn {
        messages = List.copyOf(messages);
        heldCalls = List.copyOf(heldCalls);
    }

    /** The turn's last assistant message, or an empty one when the model said nothing. */
    public Message answer() {
        return messages.stream().filter(message -> message.role() == Role.ASSISTANT)
                .reduce((first, second) -> second).orElseGet(() -> Message.assistant(""));
    }
}
