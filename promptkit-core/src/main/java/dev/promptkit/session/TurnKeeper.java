/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.session;

import dev.promptkit.duplex.DuplexEvent;
import dev.promptkit.types.TokenUsage;
import reactor.core.publisher.Mono;

/**
 * What a {@link LiveSession} does beside passing its session's events on: for a realtime session
 * ({@link RealtimeTurnKeeper}) it writes the turns down, stores them and runs the tools the model calls; in VAD mode
 * ({@link VoiceTurnKeeper}) the text turns have done all that, and it only reports them. Called in the order things
 * happen; {@link #observe} and {@link #completeTurn} one event at a time.
 *
 * @since 0.1.0
 */
public interface TurnKeeper {

    /** The user typed {@code text}, which is about to be sent. */
    default void userText(String text) {
    }

    /** The caller asked the model to answer now. */
    default void triggered() {
    }

    /** An event of the session, other than {@link DuplexEvent.TurnComplete}, about to go out as a chunk. */
    default void observe(DuplexEvent event) {
    }

    /**
     * The model's response is complete: the turn as stored; empty when there was nothing to store.
     *
     * @param usage what the session reported the response used
     */
    Mono<StoredTurn> completeTurn(TokenUsage usage);

    /** Fails when the session must end beside its events (a runaway tool loop); never completes otherwise. */
    default Mono<Void> failure() {
        return Mono.never();
    }

    /** The session ended: with {@code failure}, or normally when it is {@code null}. */
    default void ended(Throwable failure) {
    }
}
