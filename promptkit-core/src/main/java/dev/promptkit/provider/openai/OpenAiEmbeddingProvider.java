/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.provider.openai;

import dev.promptkit.embedding.EmbeddingProvider;
import dev.promptkit.provider.ProviderException;
import dev.promptkit.provider.http.EmbeddingProviderBuilder;
import dev.promptkit.provider.http.ErrorMessageExtractor;
import dev.promptkit.provider.http.HttpEmbeddingProvider;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * OpenAI embeddings ({@code POST {base}/embeddings}), on OpenAI or any compatible server. Sends up to
 * {@value #MAX_BATCH_SIZE} texts per request (OpenAI's limit), asks for float vectors, and adds the
 * {@code usage.prompt_tokens} of every answer to {@link #tokensUsed()}. The key goes in an
 * {@code Authorization: Bearer} header.
 *
 * <pre>{@code
 * EmbeddingProvider embeddings = OpenAiEmbeddingProvider.builder()
 *         .settings(HttpProviderSettings.builder().apiKey(System.getenv("OPENAI_API_KEY")).build())
 *         .build();
 * }</pre>
 *
 * @since 0.1.0
 */
public final class OpenAiEmbeddingProvider extends HttpEmbeddingProvider {

    public static final String DEFAULT_BASE_URL = "https://api.openai.com/v1";
    public static final String DEFAULT_MODEL = "text-embedding-3-small";
    public static final int MAX_BATCH_SIZE = 2048;

    private static final Map<String, Integer> KNOWN_DIMENSIONS = Map.of("text-embedding-3-small", 1536,
            "text-embedding-3-large", 3072, "text-embedding-ada-002", 1536);

    private final LongAdder tokensUsed = new LongAdder();

    private OpenAiEmbeddingProvider(Builder builder) {
        super(builder, KNOWN_DIMENSIONS, key -> Map.of("Authorization", "Bearer " + key),
                ErrorMessageExtractor.jsonPointer("/error/message"));
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The input tokens of every request so far, as the API reported them. */
    public long tokensUsed() {
        return tokensUsed.sum();
    }

    @Override
    protected Mono<List<float[]>> embedBatch(List<String> texts) {
        ObjectNode body = JsonMapper.shared().createObjectNode();
        body.put("model", model);
        texts.forEach(body.putArray("input")::add);
        body.put("encoding_format", "float");
        if (dimensions != null) {
            body.put("dimensions", dimensions);
        }
        return post("/embeddings", body).map(answer -> vectors(answer, texts.size()));
    }

    private List<float[]> vectors(JsonNode answer, int expected) {
        float[][] vectors = new float[expected][];
        for (JsonNode item : answer.path("data")) {
            int index = item.path("index").asInt(-1);
            if (index < 0 || index >= expected) {
                throw new ProviderException(name, 200, "the response has an embedding with index " + index
                        + " for " + expected + " inputs");
            }
            vectors[index] = vector(item.path("embedding"));
        }
        for (int i = 0; i < expected; i++) {
            if (vectors[i] == null) {
                throw new ProviderException(name, 200, "the response has no embedding for input " + i);
            }
        }
        tokensUsed.add(answer.path("usage").path("prompt_tokens").asLong(0));
        return List.of(vectors);
    }

    /**
     * Builds an {@link OpenAiEmbeddingProvider}; only the API key (in the settings) is usually needed. The name
     * is {@code openai} by default, the model {@value OpenAiEmbeddingProvider#DEFAULT_MODEL}; shortened vectors
     * ({@link #dimensions(int)}) work with {@code text-embedding-3-*} only; the batch size goes up to
     * {@value OpenAiEmbeddingProvider#MAX_BATCH_SIZE}; the base URL defaults to OpenAI's.
     */
    public static final class Builder extends EmbeddingProviderBuilder<Builder, OpenAiEmbeddingProvider> {

        private Builder() {
            super("openai", DEFAULT_MODEL, DEFAULT_BASE_URL, MAX_BATCH_SIZE, OpenAiEmbeddingProvider::new);
        }
    }
}
