/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.context;

import dev.promptkit.types.Message;
import java.util.List;

/**
 * The messages to send, oldest first (the conversation's own {@link Message} instances, plus a summary when
 * one was written), and the {@link ContextDecision} that chose them.
 *
 * @since 0.1.0
 */
public record FittedContext(List<Message> messages, ContextDecision decision) {

    public FittedContext {
        messages = List.copyOf(messages);
    }
}
