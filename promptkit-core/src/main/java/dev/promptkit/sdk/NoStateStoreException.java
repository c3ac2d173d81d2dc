/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.sdk;

import dev.promptkit.PromptKitException;

/**
 * {@code resume} was called without a state store to resume from.
 *
 * @since 0.1.0
 */
public class NoStateStoreException extends PromptKitException {

    private static final long serialVersionUID = 1L;

    public NoStateStoreException() {
        super("Resuming a conversation needs a state store: pass one with ConversationOptions.builder().stateStore(...)");
    }
}
