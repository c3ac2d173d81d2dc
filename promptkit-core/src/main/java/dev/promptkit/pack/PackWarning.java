/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.pack;

/**
 * Something in a pack that loads but may not work as its author meant: where (the pack's source and a JSON pointer
 * into it) and what. A prompt naming a tool that the pack neither defines nor has as a prompt is one: a handler
 * registered at run time must answer it. The loader logs each warning once, at WARN.
 *
 * @param source the pack's file path, classpath resource or the name given with its stream
 * @param pointer the JSON pointer of the value concerned, for example {@code /prompts/billing/tools/0}
 * @param message what may go wrong
 * @since 0.1.0
 */
public record PackWarning(String source, String pointer, String message) {

    /** {@code source pointer: message}. */
    @Override
    public String toString() {
        return source + " " + pointer + ": " + message;
    }
}
