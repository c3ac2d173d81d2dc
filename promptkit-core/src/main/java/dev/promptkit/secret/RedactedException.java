/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.secret;

/**
 * Stands in for an exception whose message revealed a credential: it keeps the original's class name (shown by
 * {@link #toString()}), its stack trace and its causes, each masked the same way. Made by
 * {@link SecretRedactor#redact(Throwable)}.
 *
 * @since 0.1.0
 */
public final class RedactedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String originalType;

    RedactedException(String originalType, String message) {
        super(message);
        this.originalType = originalType;
    }

    /** The class name of the exception this one stands in for. */
    public String originalType() {
        return originalType;
    }

    @Override
    public String toString() {
        String message = getLocalizedMessage();
        return message == null ? originalType : originalType + ": " + message;
    }
}
