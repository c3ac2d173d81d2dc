/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.provider.http;

/**
 * An upstream stream sent a line longer than the configured limit, so it was not buffered further.
 *
 * @since 0.1.0
 */
public final class LineTooLongException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    LineTooLongException(int limit) {
        super("a line of the upstream stream is longer than the limit of " + limit + " bytes");
    }
}
