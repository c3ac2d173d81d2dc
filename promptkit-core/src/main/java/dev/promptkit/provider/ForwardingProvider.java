/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.provider;

import reactor.core.publisher.Flux;

/**
 * A provider that hands everything to another one; extend it and override what you decorate (usually
 * {@link #stream}), for observation, recording, rate limiting or routing.
 *
 * <pre>{@code
 * Provider logged = new ForwardingProvider(provider) {
 *     public Flux<ProviderChunk> stream(ProviderRequest request) {
 *         return super.stream(request).doOnComplete(() -> log.info("{} answered", name()));
 *     }
 * };
 * }</pre>
 *
 * @since 0.1.0
 */
public abstract class ForwardingProvider implements Provider {

    private final Provider delegate;

    protected ForwardingProvider(Provider delegate) {
        this.delegate = delegate;
    }

    /** The provider calls are forwarded to. */
    public Provider delegate() {
        return delegate;
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
        return delegate.stream(request);
    }

    @Override
    public void close() {
        delegate.close();
    }
}
