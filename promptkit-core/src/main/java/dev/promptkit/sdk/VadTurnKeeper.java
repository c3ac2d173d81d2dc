/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.sdk;

import dev.promptkit.types.TokenUsage;
import dev.promptkit.voice.TextTurnRunner;
import java.util.concurrent.atomic.AtomicReference;
import reactor.core.publisher.Mono;

/**
 * VAD mode's {@link TurnKeeper}. Each answer is a text turn of the conversation, which stores its messages (the
 * user's transcript or typed text first), runs its tools and publishes its events itself, so this keeper stores
 * nothing: it remembers the {@link Response} of the latest text turn and reports it once the session has spoken
 * the answer. An answer the user interrupts gets no {@link StreamChunk.Type#TURN_COMPLETE}: its text turn stored
 * nothing if it was still being written, and its messages if only its speech was cut short.
 */
final class VadTurnKeeper implements TurnKeeper {

    private final AtomicReference<Response> answered = new AtomicReference<>();

    /** {@code turns}, each turn's response remembered. */
    TextTurnRunner recording(TextTurnRunner turns) {
        return text -> turns.run(text).doOnNext(chunk -> {
            if (chunk.isDone()) {
                answered.set(chunk.response());
            }
        });
    }

    @Override
    public Mono<Response> completeTurn(TokenUsage usage) {
        return Mono.justOrEmpty(answered.getAndSet(null));
    }
}
