/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.provider.mock;

/**
 * How the mock provider behaves in a duplex session, from the {@code duplex} section of a {@link MockScript}:
 * what it "hears" when the caller's audio ends a turn, what it answers when nothing in the script does, and
 * whether its spoken answers are a tone or silence.
 *
 * @param inputTranscript the transcript of every audio turn of the user, or {@code null} for none
 * @param responseText the answer to an audio turn (or tool results) that the script does not answer
 * @param tone whether spoken answers are a 440 Hz tone (else silence)
 *
 * @since 0.1.0
 */
public record MockDuplexScript(String inputTranscript, String responseText, boolean tone) {

    /** The answer of the Go original's duplex mock when none is configured. */
    public static final String DEFAULT_RESPONSE_TEXT = "Mock streaming response";

    /** No transcript, the default answer, a tone. */
    public static final MockDuplexScript DEFAULTS = new MockDuplexScript(null, DEFAULT_RESPONSE_TEXT, true);
}
