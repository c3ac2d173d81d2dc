/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.sdk;

import dev.promptkit.PromptKitException;

/**
 * A conversation was used after {@link Conversation#close()}.
 *
 * @since 0.1.0
 */
public class ConversationClosedException extends PromptKitException {

    private static final long serialVersionUID = 1L;

    public ConversationClosedException(String conversationId) {
        super("Conversation '" + conversationId + "' is closed");
    }
}
