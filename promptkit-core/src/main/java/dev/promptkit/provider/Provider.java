/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.provider;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * An LLM service. Streaming first: {@link #stream} returns the answer as it arrives, and {@link #call}
 * is its reduction. Implementations must be thread-safe (one instance serves every conversation),
 * must never block the subscribing thread, and must stop the upstream call when the returned
 * {@link Flux} is cancelled.
 *
 * @since 0.1.0
 */
public interface Provider extends AutoCloseable {

    /** The name this provider instance is configured under (for example {@code openai} or {@code primary}). */
    String name();

    /** The provider type ({@code openai}, {@code anthropic}, {@code gemini}, {@code ollama}, {@code mock}, ...). */
    String type();

    /** The model used when a request names none. */
    String defaultModel();

    /**
     * Streams the answer to one request: text deltas and complete tool calls in order, then exactly one
     * {@link ProviderChunk#finish finish} chunk carrying the usage. Errors surface as a
     * {@link ProviderException}.
     */
    Flux<ProviderChunk> stream(ProviderRequest request);

    /** The whole answer to one request. */
    default Mono<ProviderResponse> call(ProviderRequest request) {
        return stream(request).reduce(new ProviderResponse.Builder(), ProviderResponse.Builder::add)
                .map(ProviderResponse.Builder::build);
    }

    /** Prices for the models this provider serves; {@link PricingTable#EMPTY} when unknown. */
    default PricingTable pricing() {
        return PricingTable.EMPTY;
    }

    /** Releases connections or processes this provider holds. */
    @Override
    default void close() {
    }
}
