/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.sdk;

import dev.promptkit.provider.ForwardingProvider;
import dev.promptkit.provider.Provider;
import dev.promptkit.provider.ProviderChunk;
import dev.promptkit.provider.ProviderException;
import dev.promptkit.provider.ProviderRequest;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Sinks;

/**
 * Wraps a real provider and misbehaves on command: fails the next calls as an upstream would (a 503), or holds
 * calls until a given number of them have arrived, so that tests can make turns overlap without timing.
 */
final class ControllableProvider extends ForwardingProvider {

    private final AtomicInteger failuresLeft = new AtomicInteger();
    private final AtomicReference<Gate> gate = new AtomicReference<>();
    final AtomicInteger calls = new AtomicInteger();

    ControllableProvider(Provider delegate) {
        super(delegate);
    }

    /** The next {@code count} calls fail with a 503 before any chunk. */
    void failNext(int count) {
        failuresLeft.set(count);
    }

    /** From now on, calls wait until {@code count} of them have arrived, then all go on. */
    void holdUntil(int count) {
        gate.set(new Gate(count));
    }

    @Override
    public Flux<ProviderChunk> stream(ProviderRequest request) {
        return Flux.defer(() -> {
            calls.incrementAndGet();
            if (failuresLeft.getAndUpdate(left -> Math.max(0, left - 1)) > 0) {
                return Flux.error(new ProviderException(name(), 503, "the upstream is overloaded"));
            }
            Gate current = gate.get();
            return current == null ? super.stream(request) : current.arrive().thenMany(super.stream(request));
        });
    }

    private static final class Gate {

        private final int expected;
        private final AtomicInteger arrived = new AtomicInteger();
        private final Sinks.Empty<Void> open = Sinks.empty();

        Gate(int expected) {
            this.expected = expected;
        }

        reactor.core.publisher.Mono<Void> arrive() {
            if (arrived.incrementAndGet() >= expected) {
                open.tryEmitEmpty();
            }
            return open.asMono();
        }
    }
}
