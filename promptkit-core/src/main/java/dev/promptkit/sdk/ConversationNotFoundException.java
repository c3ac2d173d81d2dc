/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.sdk;

import dev.promptkit.PromptKitException;

/**
 * {@code resume} named a conversation the state store does not hold (never saved, deleted or expired).
 *
 * @since 0.1.0
 */
public class ConversationNotFoundException extends PromptKitException {

    private static final long serialVersionUID = 1L;

    private final String conversationId;

    public ConversationNotFoundException(String conversationId) {
        super("No stored conversation with id '" + conversationId + "' (never saved, deleted or expired)");
        this.conversationId = conversationId;
    }

    public String conversationId() {
        return conversationId;
    }
}
