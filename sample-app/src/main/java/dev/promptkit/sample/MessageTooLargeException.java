/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.sample;

/** A message or rejection reason longer than {@code sample.max-message-length}. */
class MessageTooLargeException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    MessageTooLargeException(int length, int limit) {
        super("The text has " + length + " characters; the limit is " + limit + " (sample.max-message-length)");
    }
}
