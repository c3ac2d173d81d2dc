/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.speech;

import java.util.Objects;

/**
 * What speech-to-text heard: the text of one utterance, empty when it recognised no words.
 *
 * @since 0.1.0
 */
public record Transcript(String text) {

    public Transcript {
        Objects.requireNonNull(text, "text");
    }

    /** Whether no words were recognised. */
    public boolean isBlank() {
        return text.isBlank();
    }
}
