/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.embedding;

import java.util.List;
import reactor.core.publisher.Mono;

/**
 * A text-embedding service. Implementations are thread-safe, never block the subscribing thread, split
 * larger inputs into batches of at most {@link #maxBatchSize()} texts, and report failures as
 * {@link dev.promptkit.provider.ProviderException}s. {@link #close()} releases what a provider holds (the HTTP
 * providers' connection pools); it does nothing by default.
 *
 * @since 0.1.0
 */
public interface EmbeddingProvider extends AutoCloseable {

    /** The name this provider is configured under, used in error messages. */
    String name();

    /** One vector per text, in the order of {@code texts}. Texts must not be blank. */
    Mono<List<float[]>> embed(List<String> texts);

    /** The length of the vectors, or 0 when the model is not known until it answers. */
    int dimensions();

    /** The most texts sent in one request. */
    int maxBatchSize();

    /** Releases what this provider holds; calls made afterwards may fail. */
    @Override
    default void close() {
    }
}
