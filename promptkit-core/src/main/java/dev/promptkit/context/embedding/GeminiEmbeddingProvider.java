package dev.promptkit.context.embedding;

import dev.promptkit.provider.ProviderException;
import dev.promptkit.provider.http.ErrorMessageExtractor;
import dev.promptkit.provider.http.HttpProviderSettings;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
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
 */
public final class GeminiEmbeddingProvider implements EmbeddingProvider {

    public static final String DEFAULT_BASE_URL = "https://generativelanguage.googleapis.com/v1beta";
    public static final String DEFAULT_MODEL = "gemini-embedding-001";
    public static final String DEFAULT_TASK_TYPE = "SEMANTIC_SIMILARITY";
    public static final int MAX_BATCH_SIZE = 100;

    private static final Map<String, Integer> KNOWN_DIMENSIONS = Map.of("gemini-embedding-001", 3072,
            "text-embedding-004", 768);

    private final String name;
    private final String model;
    private final String resource;
    private final Integer dimensions;
    private final String taskType;
    private final int maxBatchSize;
    private final Map<String, String> authentication;
    private final JsonPostClient http;

    private GeminiEmbeddingProvider(Builder builder) {
        this.name = builder.name;
        this.model = builder.model;
        this.resource = model.contains("/") ? model : "models/" + model;
        this.dimensions = builder.dimensions;
        this.taskType = builder.taskType;
        this.maxBatchSize = builder.maxBatchSize;
        HttpProviderSettings settings = builder.settings.withDefaultBaseUrl(DEFAULT_BASE_URL);
        this.authentication = settings.hasApiKey() ? Map.of("x-goog-api-key", settings.apiKey()) : Map.of();
        this.http = new JsonPostClient(name, settings, GeminiEmbeddingProvider::errorMessage);
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

    private Mono<List<float[]>> embedBatch(List<String> texts) {
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
        return http.post("/" + resource + ":batchEmbedContents", authentication, body)
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
            vectors.add(Vectors.of(embedding.path("values"), name));
        }
        return vectors;
    }

    /** Google's {@code {"error": {"code", "message", "status"}}} as {@code STATUS: message}. */
    private static String errorMessage(String body) {
        JsonNode error;
        try {
            error = JsonMapper.shared().readTree(body).path("error");
        }
        catch (RuntimeException notJson) {
            return null;
        }
        JsonNode message = error.path("message");
        if (!message.isString() || message.stringValue().isBlank()) {
            return null;
        }
        JsonNode status = error.path("status");
        return status.isString() ? status.stringValue() + ": " + message.stringValue() : message.stringValue();
    }

    /** Builds a {@link GeminiEmbeddingProvider}; only the API key (in the settings) is usually needed. */
    public static final class Builder {
        private String name = "gemini";
        private String model = DEFAULT_MODEL;
        private Integer dimensions;
        private String taskType = DEFAULT_TASK_TYPE;
        private int maxBatchSize = MAX_BATCH_SIZE;
        private HttpProviderSettings settings = HttpProviderSettings.builder().build();

        private Builder() {
        }

        /** The name used in error messages; {@code gemini} by default. */
        public Builder name(String name) {
            this.name = Objects.requireNonNull(name, "name");
            return this;
        }

        /**
         * The embedding model ({@code gemini-embedding-001}, {@code text-embedding-004}, or a full resource name
         * holding a slash); {@value GeminiEmbeddingProvider#DEFAULT_MODEL} by default.
         */
        public Builder model(String model) {
            this.model = Objects.requireNonNull(model, "model");
            return this;
        }

        /** Shortened vectors of this length ({@code outputDimensionality}); the model's full length by default. */
        public Builder dimensions(int dimensions) {
            if (dimensions < 1) {
                throw new IllegalArgumentException("dimensions must be positive, was " + dimensions);
            }
            this.dimensions = dimensions;
            return this;
        }

        /** The {@code taskType} sent with each text ({@code RETRIEVAL_QUERY}, ...), or {@code null} for none. */
        public Builder taskType(String taskType) {
            this.taskType = taskType;
            return this;
        }

        /** The most texts per request, up to {@value GeminiEmbeddingProvider#MAX_BATCH_SIZE}. */
        public Builder maxBatchSize(int maxBatchSize) {
            if (maxBatchSize < 1 || maxBatchSize > MAX_BATCH_SIZE) {
                throw new IllegalArgumentException("maxBatchSize must be within [1, " + MAX_BATCH_SIZE + "], was "
                        + maxBatchSize);
            }
            this.maxBatchSize = maxBatchSize;
            return this;
        }

        /** Base URL, API key, headers, timeouts and retries; the base URL defaults to the Gemini API's. */
        public Builder settings(HttpProviderSettings settings) {
            this.settings = Objects.requireNonNull(settings, "settings");
            return this;
        }

        public GeminiEmbeddingProvider build() {
            return new GeminiEmbeddingProvider(this);
        }
    }
}
