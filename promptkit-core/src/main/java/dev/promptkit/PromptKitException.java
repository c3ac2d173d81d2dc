/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit;

/**
 * Base of every exception PromptKit throws on purpose. Catch this to handle any PromptKit failure;
 * catch a subclass to handle one kind (a bad pack, a provider error, a closed conversation, ...).
 *
 * @since 0.1.0
 */
public class PromptKitException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public PromptKitException(String message) {
        super(message);
    }

    public PromptKitException(String message, Throwable cause) {
        super(message, cause);
    }
}
