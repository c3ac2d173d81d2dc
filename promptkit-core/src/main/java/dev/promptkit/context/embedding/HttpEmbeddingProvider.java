/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.context.embedding;

import dev.promptkit.provider.http.ErrorMessageExtractor;
import dev.promptkit.provider.http.HttpProviderSettings;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import reactor.core.publisher.Mono;

/**
 * The part of an HTTP embedding provider that does not depend on the vendor: the settings taken from its
 * {@link EmbeddingProviderBuilder}, the {@link JsonPostClient} and the batching. A subclass encodes one batch
 * and reads its answer.
 */
abstract class HttpEmbeddingProvider implements EmbeddingProvider {

    final String name;
    final String model;
    final Integer dimensions;
    final Map<String, String> authentication;
    final JsonPostClient http;
    private final int maxBatchSize;
    private final Map<String, Integer> knownDimensions;

    /**
     * @param builder the shared settings
     * @param defaultBaseUrl the vendor's base URL, unless the settings name another
     * @param knownDimensions the full vector length of the models known to the vendor
     * @param authentication the headers that carry the API key, given settings that have one
     * @param errorMessages reads the vendor's error bodies
     */
    HttpEmbeddingProvider(EmbeddingProviderBuilder<?, ?> builder, String defaultBaseUrl,
            Map<String, Integer> knownDimensions, Function<String, Map<String, String>> authentication,
            ErrorMessageExtractor errorMessages) {
        this.name = builder.name;
        this.model = builder.model;
        this.dimensions = builder.dimensions;
        this.maxBatchSize = builder.maxBatchSize;
        this.knownDimensions = knownDimensions;
        HttpProviderSettings settings = builder.settings.withDefaultBaseUrl(defaultBaseUrl);
        this.authentication = settings.hasApiKey() ? authentication.apply(settings.apiKey()) : Map.of();
        this.http = new JsonPostClient(name, settings, errorMessages);
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
    abstract Mono<List<float[]>> embedBatch(List<String> texts);
}
