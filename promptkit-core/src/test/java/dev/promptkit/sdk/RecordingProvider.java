/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.sdk;

import dev.promptkit.provider.ForwardingProvider;
import dev.promptkit.provider.Provider;
import dev.promptkit.provider.ProviderChunk;
import dev.promptkit.provider.ProviderRequest;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import reactor.core.publisher.Flux;

/** Wraps a real provider and records every request it is sent and every cancellation. */
final class RecordingProvider extends ForwardingProvider {

    final List<ProviderRequest> requests = new CopyOnWriteArrayList<>();
    final AtomicInteger cancellations = new AtomicInteger();

    RecordingProvider(Provider delegate) {
        super(delegate);
    }

    ProviderRequest lastRequest() {
        return requests.get(requests.size() - 1);
    }

    @Override
    public Flux<ProviderChunk> stream(ProviderRequest request) {
        return Flux.defer(() -> {
            requests.add(request);
            return super.stream(request).doOnCancel(cancellations::incrementAndGet);
        });
    }
}
