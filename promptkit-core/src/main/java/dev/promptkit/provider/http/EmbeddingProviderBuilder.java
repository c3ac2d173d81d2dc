/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.provider.http;

import dev.promptkit.embedding.EmbeddingProvider;
import java.util.function.Function;

/**
 * Builds an HTTP embedding provider: what every {@link HttpServiceBuilder} takes, shortened vectors and the batch
 * size (up to the vendor's limit). Each provider's own builder adds what only it has.
 *
 * @param <B> the concrete builder, returned by every setter
 * @param <P> the provider it builds
 *
 * @since 0.1.0
 */
public abstract class EmbeddingProviderBuilder<B extends EmbeddingProviderBuilder<B, P>, P extends EmbeddingProvider>
        extends HttpServiceBuilder<B, P> {

    private final int maxBatchLimit;
    private Integer dimensions;
    private Integer maxBatchSize;

    /**
     * The parameters of {@link HttpServiceBuilder#HttpServiceBuilder(String, String, String, Function)}, and
     * {@code maxBatchLimit}, the most texts the vendor takes in one request (also the default batch size).
     */
    protected EmbeddingProviderBuilder(String name, String model, String defaultBaseUrl, int maxBatchLimit,
            Function<B, P> constructor) {
        super(name, model, defaultBaseUrl, constructor);
        this.maxBatchLimit = maxBatchLimit;
    }

    /** Shortened vectors of this length, where the model supports them; the model's full length by default. */
    public B dimensions(int dimensions) {
        if (dimensions < 1) {
            throw new IllegalArgumentException("dimensions must be positive, was " + dimensions);
        }
        this.dimensions = dimensions;
        return self();
    }

    /** The most texts per request, up to the vendor's limit (its {@code MAX_BATCH_SIZE}), which is the default. */
    public B maxBatchSize(int maxBatchSize) {
        if (maxBatchSize < 1 || maxBatchSize > maxBatchLimit) {
            throw new IllegalArgumentException("maxBatchSize must be within [1, " + maxBatchLimit + "], was "
                    + maxBatchSize);
        }
        this.maxBatchSize = maxBatchSize;
        return self();
    }

    Integer dimensions() {
        return dimensions;
    }

    int maxBatchSize() {
        return maxBatchSize != null ? maxBatchSize : maxBatchLimit;
    }
}
