/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.voice;

import dev.promptkit.duplex.AudioChunk;

/**
 * What a {@link TurnDetector} decides about the user's audio. Times are milliseconds since the stream began.
 *
 * @since 0.1.0
 */
public sealed interface TurnEvent {

    /**
     * The user is speaking: reported once enough speech was heard to count as a turn, with the time the speech
     * began. A voice session stops its answer on it (barge-in).
     */
    record SpeechStarted(long atMillis) implements TurnEvent {
    }

    /**
     * The user's turn is over.
     *
     * @param audio the turn's audio, from a little before the speech began to a little after it ended
     * @param startMillis when the speech began
     * @param endMillis when the speech ended
     * @param reason why the turn ended
     */
    record TurnEnded(AudioChunk audio, long startMillis, long endMillis, EndReason reason) implements TurnEvent {
    }

    /** Why a turn ended. */
    enum EndReason {
        /** The user fell silent for long enough. */
        SILENCE,
        /** The turn reached its longest allowed duration while the user was still speaking. */
        MAX_DURATION,
        /** The caller asked for it ({@link TurnDetector#endTurn()}). */
        TRIGGERED
    }
}
