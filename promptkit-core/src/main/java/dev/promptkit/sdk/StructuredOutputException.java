/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.sdk;

import dev.promptkit.PromptKitException;

/**
 * The model's answer could not be read as the requested type; the message shows the offending text.
 *
 * @since 0.1.0
 */
public class StructuredOutputException extends PromptKitException {

    private static final long serialVersionUID = 1L;

    private final String text;

    public StructuredOutputException(String targetType, String text, Throwable cause) {
        super("The model's answer is not valid JSON for " + targetType + ": " + cause.getMessage()
                + System.lineSeparator() + "The answer was: " + abbreviate(text), cause);
        this.text = text;
    }

    /** The whole answer that could not be read. */
    public String text() {
        return text;
    }

    private static String abbreviate(String text) {
        return text.length() <= 2000 ? text : text.substring(0, 2000) + "... (" + text.length() + " characters)";
    }
}
