/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.voice;

import dev.promptkit.duplex.AudioChunk;
import dev.promptkit.duplex.AudioFormat;
import java.util.List;
import java.util.Optional;

/**
 * Splits a stream of the user's audio into turns: says when the user starts speaking and when a turn is over,
 * and hands over each turn's audio. Fed chunk by chunk, in order, from one thread at a time; an implementation
 * keeps the state of the stream between calls.
 *
 * @since 0.1.0
 */
public interface TurnDetector {

    /** The format {@link #accept} takes: mono PCM16 at the rate the detector was built for. */
    AudioFormat format();

    /** Analyses the next chunk of audio; returns what it decided, in order, usually nothing. */
    List<TurnEvent> accept(AudioChunk audio);

    /** Ends the turn in progress now, whatever its length; empty when no speech has been heard since the last turn. */
    Optional<TurnEvent.TurnEnded> endTurn();
}
