/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.state;

import dev.promptkit.PromptKitException;

/**
 * The state store could not be read or written; the stored conversation is unchanged.
 *
 * @since 0.1.0
 */
public class StateStoreException extends PromptKitException {

    private static final long serialVersionUID = 1L;

    public StateStoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
