/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.voice;

/**
 * Makes the {@link TurnDetector} of each VAD-mode session (a detector keeps the state of one audio stream, so each
 * session needs its own). {@link #SILENCE}, the energy-based {@link SilenceTurnDetector}, is the default; plug in
 * another with {@code ConversationOptions.Builder.turnDetector}, or in Spring as a bean of this type.
 *
 * @since 0.1.0
 */
@FunctionalInterface
public interface TurnDetectorFactory {

    /** The default: a {@link SilenceTurnDetector} with 20 ms frames. */
    TurnDetectorFactory SILENCE = SilenceTurnDetector::new;

    /**
     * A new detector for one session.
     *
     * @param config the session's durations and sample rate; the detector takes mono PCM16 at a rate of its choosing
     *        ({@link TurnDetector#format()}), to which the user's audio is converted
     */
    TurnDetector create(VadModeConfig config);
}
