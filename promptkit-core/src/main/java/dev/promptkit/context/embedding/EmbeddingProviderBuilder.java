/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.context.embedding;

import dev.promptkit.provider.http.HttpProviderSettings;
import java.util.Objects;

/**
 * What the builders of the HTTP embedding providers share: the name, the model, shortened vectors, the batch
 * size (up to the vendor's limit) and the {@link HttpProviderSettings}. Each provider's own builder adds what
 * only it has.
 *
 * @param <B> the concrete builder, returned by every setter
 * @param <P> the provider it builds
 *
 * @since 0.1.0
 */
public abstract class EmbeddingProviderBuilder<B extends EmbeddingProviderBuilder<B, P>, P extends EmbeddingProvider> {

    String name;
    String model;
    Integer dimensions;
    int maxBatchSize;
    HttpProviderSettings settings = HttpProviderSettings.builder().build();
    private final int maxBatchLimit;

    EmbeddingProviderBuilder(String name, String model, int maxBatchLimit) {
        this.name = name;
        this.model = model;
        this.maxBatchLimit = maxBatchLimit;
        this.maxBatchSize = maxBatchLimit;
    }

    /** The name used in error messages; the vendor's by default. */
    public B name(String name) {
        this.name = Objects.requireNonNull(name, "name");
        return self();
    }

    /** The embedding model; each provider documents its default. */
    public B model(String model) {
        this.model = Objects.requireNonNull(model, "model");
        return self();
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

    /** Base URL, API key, headers, timeouts and retries; the base URL defaults to the vendor's. */
    public B settings(HttpProviderSettings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
        return self();
    }

    public abstract P build();

    @SuppressWarnings("unchecked")
    private B self() {
        return (B) this;
    }
}
