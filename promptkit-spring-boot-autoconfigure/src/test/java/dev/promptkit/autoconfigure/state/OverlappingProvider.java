/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.autoconfigure.state;

import dev.promptkit.provider.ForwardingProvider;
import dev.promptkit.provider.ProviderChunk;
import dev.promptkit.provider.ProviderRequest;
import dev.promptkit.provider.mock.MockProvider;
import dev.promptkit.provider.mock.MockScript;
import java.util.concurrent.atomic.AtomicInteger;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Sinks;

/**
 * The mock provider answering "Done.", holding every call until {@code expected} calls have arrived, so that turns
 * of two applications are answered on the same history for certain, without timing.
 */
final class OverlappingProvider extends ForwardingProvider {

    private final int expected;
    private final AtomicInteger arrived = new AtomicInteger();
    private final Sinks.Empty<Void> allArrived = Sinks.empty();

    OverlappingProvider(int expected) {
        super(MockProvider.builder().name("overlapping").script(MockScript.parse("defaultResponse: \"Done.\"")).build());
        this.expected = expected;
    }

    @Override
    public Flux<ProviderChunk> stream(ProviderRequest request) {
        return Flux.defer(() -> {
            if (arrived.incrementAndGet() >= expected) {
                allArrived.tryEmitEmpty();
            }
            return allArrived.asMono().thenMany(super.stream(request));
        });
    }
}
