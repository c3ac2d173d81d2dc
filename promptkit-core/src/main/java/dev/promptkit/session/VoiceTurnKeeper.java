/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.session;

import dev.promptkit.types.TokenUsage;
import java.util.concurrent.atomic.AtomicReference;
import reactor.core.publisher.Mono;

/**
 * VAD mode's {@link TurnKeeper}. Each answer is a text turn of the conversation, which stores its messages (the
 * user's transcript or typed text first), runs its tools and publishes its events itself, so this keeper stores
 * nothing: it remembers the latest text turn ({@link #answered}) and reports it once the session has spoken the
 * answer. An interrupted answer is not reported: its text turn stored nothing if it was still being written, and
 * its messages if only its speech was cut short.
 *
 * @since 0.1.0
 */
public final class VoiceTurnKeeper implements TurnKeeper {

    private final AtomicReference<StoredTurn> answered = new AtomicReference<>();

    /** A text turn of the session has been stored. */
    public void answered(StoredTurn turn) {
        answered.set(turn);
    }

    @Override
    public Mono<StoredTurn> completeTurn(TokenUsage usage) {
        return Mono.justOrEmpty(answered.getAndSet(null));
    }
}
