/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.provider.http;

import dev.promptkit.embedding.EmbeddingProvider;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

/**
 * The part of an HTTP embedding provider that does not depend on the vendor: the settings taken from its
 * {@link EmbeddingProviderBuilder}, the {@link JsonPostClient} and the batching. A subclass encodes one batch
 * and reads its answer.
 *
 * @since 0.1.0
 */
public abstract class HttpEmbeddingProvider implements EmbeddingProvider {

    /** The name the provider is configured under. */
    protected final String name;
    /** The embedding model. */
    protected final String model;
    /** The length of shortened vectors, or {@code null} for the model's full length. */
    protected final Integer dimensions;
    private final Map<String, String> authentication;
    private final JsonPostClient http;
    private final int maxBatchSize;
    private final Map<String, Integer> knownDimensions;

    /**
     * @param builder the shared settings
     * @param knownDimensions the full vector length of the models known to the vendor
     * @param authentication the headers that carry the API key, given settings that have one
     * @param errorMessages reads the vendor's error bodies
     */
    protected HttpEmbeddingProvider(EmbeddingProviderBuilder<?, ?> builder, Map<String, Integer> knownDimensions,
            Function<String, Map<String, String>> authentication, ErrorMessageExtractor errorMessages) {
        this.name = builder.name();
        this.model = builder.model();
        this.dimensions = builder.dimensions();
        this.maxBatchSize = builder.maxBatchSize();
        this.knownDimensions = knownDimensions;
        HttpProviderSettings settings = builder.resolvedSettings();
        this.authentication = settings.hasApiKey() ? authentication.apply(settings.apiKey()) : Map.of();
        this.http = new JsonPostClient(name, settings, errorMessages, builder.webClient());
    }

    @Override
    public final String name() {
        return name;
    }

    @Override
    public final Mono<List<float[]>> embed(List<String> texts) {
        return Batches.embed(texts, maxBatchSize, this::embedBatch);
    }

    @Override
    public final int dimensions() {
        return dimensions != null ? dimensions : knownDimensions.getOrDefault(model, 0);
    }

    @Override
    public final int maxBatchSize() {
        return maxBatchSize;
    }

    /** Closes the provider's connection pool; calls made afterwards fail. */
    @Override
    public final void close() {
        http.close();
    }

    /** One vector per text of one batch, in order. */
    protected abstract Mono<List<float[]>> embedBatch(List<String> texts);

    /** POSTs {@code body} to {@code path} below the base URL, authenticated, and reads the JSON answer. */
    protected final Mono<JsonNode> post(String path, JsonNode body) {
        return http.post(path, authentication, body);
    }

    /** The vector; a {@link dev.promptkit.provider.ProviderException} unless the node is a non-empty array of numbers. */
    protected final float[] vector(JsonNode numbers) {
        return Vectors.of(numbers, name);
    }
}
