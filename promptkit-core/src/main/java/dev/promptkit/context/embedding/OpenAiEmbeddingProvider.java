package dev.promptkit.context.embedding;

import dev.promptkit.provider.ProviderException;
import dev.promptkit.provider.http.ErrorMessageExtractor;
import dev.promptkit.provider.http.HttpProviderSettings;
import java.util.List;
import java.util.Map;
import java.util.Objects;
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
 */
public final class OpenAiEmbeddingProvider implements EmbeddingProvider {

    public static final String DEFAULT_BASE_URL = "https://api.openai.com/v1";
    public static final String DEFAULT_MODEL = "text-embedding-3-small";
    public static final int MAX_BATCH_SIZE = 2048;

    private static final Map<String, Integer> KNOWN_DIMENSIONS = Map.of("text-embedding-3-small", 1536,
            "text-embedding-3-large", 3072, "text-embedding-ada-002", 1536);

    private final String name;
    private final String model;
    private final Integer dimensions;
    private final int maxBatchSize;
    private final Map<String, String> authentication;
    private final JsonPostClient http;
    private final LongAdder tokensUsed = new LongAdder();

    private OpenAiEmbeddingProvider(Builder builder) {
        this.name = builder.name;
        this.model = builder.model;
        this.dimensions = builder.dimensions;
        this.maxBatchSize = builder.maxBatchSize;
        HttpProviderSettings settings = builder.settings.withDefaultBaseUrl(DEFAULT_BASE_URL);
        this.authentication = settings.hasApiKey() ? Map.of("Authorization", "Bearer " + settings.apiKey()) : Map.of();
        this.http = new JsonPostClient(name, settings, ErrorMessageExtractor.jsonPointer("/error/message"));
    }

    public static Builder builder() {
        return new Builder();
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Mono<List<float[]>> embed(List<String> texts) {
        return Batches.embed(texts, maxBatchSize, this::embedBatch);
    }

    @Override
    public int dimensions() {
        return dimensions != null ? dimensions : KNOWN_DIMENSIONS.getOrDefault(model, 0);
    }

    @Override
    public int maxBatchSize() {
        return maxBatchSize;
    }

    /** The input tokens of every request so far, as the API reported them. */
    public long tokensUsed() {
        return tokensUsed.sum();
    }

    private Mono<List<float[]>> embedBatch(List<String> texts) {
        ObjectNode body = JsonMapper.shared().createObjectNode();
        body.put("model", model);
        texts.forEach(body.putArray("input")::add);
        body.put("encoding_format", "float");
        if (dimensions != null) {
            body.put("dimensions", dimensions);
        }
        return http.post("/embeddings", authentication, body).map(answer -> vectors(answer, texts.size()));
    }

    private List<float[]> vectors(JsonNode answer, int expected) {
        float[][] vectors = new float[expected][];
        for (JsonNode item : answer.path("data")) {
            int index = item.path("index").asInt(-1);
            if (index < 0 || index >= expected) {
                throw new ProviderException(name, 200, "the response has an embedding with index " + index
                        + " for " + expected + " inputs");
            }
            vectors[index] = Vectors.of(item.path("embedding"), name);
        }
        for (int i = 0; i < expected; i++) {
            if (vectors[i] == null) {
                throw new ProviderException(name, 200, "the response has no embedding for input " + i);
            }
        }
        tokensUsed.add(answer.path("usage").path("prompt_tokens").asLong(0));
        return List.of(vectors);
    }

    /** Builds an {@link OpenAiEmbeddingProvider}; only the API key (in the settings) is usually needed. */
    public static final class Builder {
        private String name = "openai";
        private String model = DEFAULT_MODEL;
        private Integer dimensions;
        private int maxBatchSize = MAX_BATCH_SIZE;
        private HttpProviderSettings settings = HttpProviderSettings.builder().build();

        private Builder() {
        }

        /** The name used in error messages; {@code openai} by default. */
        public Builder name(String name) {
            this.name = Objects.requireNonNull(name, "name");
            return this;
        }

        /** The embedding model; {@value OpenAiEmbeddingProvider#DEFAULT_MODEL} by default. */
        public Builder model(String model) {
            this.model = Objects.requireNonNull(model, "model");
            return this;
        }

        /** Shortened vectors of this length ({@code text-embedding-3-*} only); the model's full length by default. */
        public Builder dimensions(int dimensions) {
            if (dimensions < 1) {
                throw new IllegalArgumentException("dimensions must be positive, was " + dimensions);
            }
            this.dimensions = dimensions;
            return this;
        }

        /** The most texts per request, up to {@value OpenAiEmbeddingProvider#MAX_BATCH_SIZE}. */
        public Builder maxBatchSize(int maxBatchSize) {
            if (maxBatchSize < 1 || maxBatchSize > MAX_BATCH_SIZE) {
                throw new IllegalArgumentException("maxBatchSize must be within [1, " + MAX_BATCH_SIZE + "], was "
                        + maxBatchSize);
            }
            this.maxBatchSize = maxBatchSize;
            return this;
        }

        /** Base URL, API key, headers, timeouts and retries; the base URL defaults to OpenAI's. */
        public Builder settings(HttpProviderSettings settings) {
            this.settings = Objects.requireNonNull(settings, "settings");
            return this;
        }

        public OpenAiEmbeddingProvider build() {
            return new OpenAiEmbeddingProvider(this);
        }
    }
}
