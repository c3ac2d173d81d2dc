package dev.promptkit.sdk;

import dev.promptkit.provider.PricingTable;
import dev.promptkit.provider.Provider;
import dev.promptkit.provider.ProviderChunk;
import dev.promptkit.provider.ProviderRequest;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import reactor.core.publisher.Flux;

/** Wraps a real provider and records every request it is sent and every cancellation. */
final class RecordingProvider implements Provider {

    private final Provider delegate;
    final List<ProviderRequest> requests = new CopyOnWriteArrayList<>();
    final AtomicInteger cancellations = new AtomicInteger();

    RecordingProvider(Provider delegate) {
        this.delegate = delegate;
    }

    ProviderRequest lastRequest() {
        return requests.get(requests.size() - 1);
    }

    @Override
    public String name() {
        return delegate.name();
    }

    @Override
    public String type() {
        return delegate.type();
    }

    @Override
    public String defaultModel() {
        return delegate.defaultModel();
    }

    @Override
    public PricingTable pricing() {
        return delegate.pricing();
    }

    @Override
    public Flux<ProviderChunk> stream(ProviderRequest request) {
        return Flux.defer(() -> {
            requests.add(request);
            return delegate.stream(request).doOnCancel(cancellations::incrementAndGet);
        });
    }
}
