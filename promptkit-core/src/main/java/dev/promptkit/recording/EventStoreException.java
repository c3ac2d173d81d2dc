/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.recording;

import dev.promptkit.PromptKitException;

/**
 * An {@link EventStore} could not write or read events; the message names the store, the operation and the
 * conversation.
 *
 * @since 0.1.0
 */
public class EventStoreException extends PromptKitException {

    private static final long serialVersionUID = 1L;

    public EventStoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
