/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.provider.gemini;

import dev.promptkit.embedding.EmbeddingProvider;
import dev.promptkit.provider.ProviderException;
import dev.promptkit.provider.http.EmbeddingProviderBuilder;
import dev.promptkit.provider.http.HttpEmbeddingProvider;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Gemini embeddings ({@code POST {base}/models/{model}:batchEmbedContents} on the Gemini Developer API), up to
 * {@value #MAX_BATCH_SIZE} texts per request (the API's limit). The key travels in the {@code x-goog-api-key}
 * header, never in the URL. Each text is embedded with the task type {@value #DEFAULT_TASK_TYPE} unless
 * another (or none) is set.
 *
 * <pre>{@code
 * EmbeddingProvider embeddings = GeminiEmbeddingProvider.builder()
 *         .settings(HttpProviderSettings.builder().apiKey(System.getenv("GEMINI_API_KEY")).build())
 *         .build();
 * }</pre>
 *
 * @since 0.1.0
 */
public final class GeminiEmbeddingProvider extends HttpEmbeddingProvider {

    public static final String DEFAULT_BASE_URL = "https://generativelanguage.googleapis.com/v1beta";
    public static final String DEFAULT_MODEL = "gemini-embedding-001";
    public static final String DEFAULT_TASK_TYPE = "SEMANTIC_SIMILARITY";
    public static final int MAX_BATCH_SIZE = 100;

    private static final Map<String, Integer> KNOWN_DIMENSIONS = Map.of("gemini-embedding-001", 3072,
            "text-embedding-004", 768);

    private final String resource;
    private final String taskType;

    private GeminiEmbeddingProvider(Builder builder) {
        super(builder, KNOWN_DIMENSIONS, key -> Map.of("x-goog-api-key", key),
                new GeminiErrorMessages());
        this.resource = model.contains("/") ? model : "models/" + model;
        this.taskType = builder.taskType;
    }

    public static Builder builder() {
        return new Builder();
    }

    @Override
    protected Mono<List<float[]>> embedBatch(List<String> texts) {
        ObjectNode body = JsonMapper.shared().createObjectNode();
        ArrayNode requests = body.putArray("requests");
        for (String text : texts) {
            ObjectNode request = requests.addObject().put("model", resource);
            request.putObject("content").putArray("parts").addObject().put("text", text);
            if (taskType != null) {
                request.put("taskType", taskType);
            }
            if (dimensions != null) {
                request.put("outputDimensionality", dimensions);
            }
        }
        return post("/" + resource + ":batchEmbedContents", body)
                .map(answer -> vectors(answer, texts.size()));
    }

    private List<float[]> vectors(JsonNode answer, int expected) {
        JsonNode embeddings = answer.path("embeddings");
        if (embeddings.size() != expected) {
            throw new ProviderException(name, 200, "the response has " + embeddings.size() + " embeddings for "
                    + expected + " inputs");
        }
        List<float[]> vectors = new ArrayList<>(expected);
        for (JsonNode embedding : embeddings) {
            vectors.add(vector(embedding.path("values")));
        }
        return vectors;
    }

    /**
     * Builds a {@link GeminiEmbeddingProvider}; only the API key (in the settings) is usually needed. The name is
     * {@code gemini} by default; the model ({@code gemini-embedding-001}, {@code text-embedding-004}, or a full
     * resource name holding a slash) {@value GeminiEmbeddingProvider#DEFAULT_MODEL}; shortened vectors
     * ({@link #dimensions(int)}) are sent as {@code outputDimensionality}; the batch size goes up to
     * {@value GeminiEmbeddingProvider#MAX_BATCH_SIZE}; the base URL defaults to the Gemini API's.
     */
    public static final class Builder extends EmbeddingProviderBuilder<Builder, GeminiEmbeddingProvider> {
        private String taskType = DEFAULT_TASK_TYPE;

        private Builder() {
            super("gemini", DEFAULT_MODEL, DEFAULT_BASE_URL, MAX_BATCH_SIZE, GeminiEmbeddingProvider::new);
        }

        /** The {@code taskType} sent with each text ({@code RETRIEVAL_QUERY}, ...), or {@code null} for none. */
        public Builder taskType(String taskType) {
            this.taskType = taskType;
            return this;
        }
    }
}
