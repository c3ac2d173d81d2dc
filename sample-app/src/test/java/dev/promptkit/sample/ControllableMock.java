/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.sample;

import dev.promptkit.provider.ForwardingProvider;
import dev.promptkit.provider.ProviderChunk;
import dev.promptkit.provider.ProviderException;
import dev.promptkit.provider.ProviderRequest;
import dev.promptkit.provider.mock.MockProvider;
import dev.promptkit.provider.mock.MockScript;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

/**
 * The sample's scripted mock, misbehaving on command: the next calls fail as an overloaded upstream does (a 503),
 * or calls wait until a number of them have arrived, so that requests overlap for certain, without timing.
 */
final class ControllableMock extends ForwardingProvider {

    private final AtomicInteger failuresLeft = new AtomicInteger();
    private final AtomicReference<Sinks.Empty<Void>> gate = new AtomicReference<>();
    private final AtomicInteger arrivals = new AtomicInteger();
    private volatile int expectedArrivals;

    ControllableMock() {
        super(MockProvider.builder().name("mock").script(MockScript.fromClasspath("mock-responses.yaml")).build());
    }

    void failNext(int count) {
        failuresLeft.set(count);
    }

    /** The next calls wait until {@code count} of them have arrived. */
    void holdUntil(int count) {
        arrivals.set(0);
        expectedArrivals = count;
        gate.set(Sinks.empty());
    }

    void release() {
        Sinks.Empty<Void> open = gate.getAndSet(null);
        if (open != null) {
            open.tryEmitEmpty();
        }
    }

    @Override
    public Flux<ProviderChunk> stream(ProviderRequest request) {
        return Flux.defer(() -> {
            if (failuresLeft.getAndUpdate(left -> Math.max(0, left - 1)) > 0) {
                return Flux.error(new ProviderException(name(), 503, "the upstream is overloaded"));
            }
            Sinks.Empty<Void> waiting = gate.get();
            if (waiting == null) {
                return super.stream(request);
            }
            Mono<Void> open = waiting.asMono();
            if (arrivals.incrementAndGet() >= expectedArrivals) {
                release();
            }
            return open.thenMany(super.stream(request));
        });
    }
}
