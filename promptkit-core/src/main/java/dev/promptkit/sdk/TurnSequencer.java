/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.sdk;

import java.util.concurrent.atomic.AtomicReference;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

/**
 * Runs a conversation's turns one at a time, in the order they are subscribed, without blocking a
 * thread: each turn waits for the one before it to finish (complete, fail or be cancelled). A turn
 * that is cancelled while still waiting releases its place only once its predecessor has finished,
 * so no two turns ever overlap.
 */
final class TurnSequencer {

    private final AtomicReference<Mono<Void>> tail = new AtomicReference<>(Mono.empty());

    <T> Flux<T> serialize(Flux<T> turn) {
        return Flux.defer(() -> {
            Sinks.Empty<Void> finished = Sinks.empty();
            Mono<Void> previous = tail.getAndSet(finished.asMono());
            return previous.thenMany(turn).doFinally(signal -> previous.subscribe(null,
                    error -> finished.tryEmitEmpty(), finished::tryEmitEmpty));
        });
    }

    <T> Mono<T> serialize(Mono<T> turn) {
        return serialize(turn.flux()).next();
    }
}
