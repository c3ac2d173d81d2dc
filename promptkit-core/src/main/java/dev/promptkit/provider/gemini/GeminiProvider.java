/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.provider.gemini;

import dev.promptkit.duplex.DuplexSession;
import dev.promptkit.duplex.DuplexSessionConfig;
import dev.promptkit.provider.DuplexProvider;
import dev.promptkit.provider.ProviderChunk;
import dev.promptkit.provider.ProviderRequest;
import dev.promptkit.duplex.DuplexSessionException;
import dev.promptkit.provider.http.HttpProvider;
import dev.promptkit.provider.platform.Platform;
import dev.promptkit.provider.platform.VertexPlatform;
import dev.promptkit.provider.http.StreamRequest;
import dev.promptkit.provider.realtime.RealtimeEndpoint;
import java.io.ByteArrayOutputStream;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.springframework.http.MediaType;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The Gemini Developer API ({@code POST {base}/models/{model}:streamGenerateContent?alt=sse}, streamed as
 * server-sent events). The API key travels in the {@code x-goog-api-key} header, never in the URL.
 *
 * <pre>{@code
 * Provider gemini = GeminiProvider.builder()
 *         .settings(HttpProviderSettings.builder().apiKey(System.getenv("GEMINI_API_KEY")).build())
 *         .model("gemini-3.5-flash")
 *         .build();
 * }</pre>
 *
 * <p>The base URL defaults to {@value #DEFAULT_BASE_URL}, the model to {@value #DEFAULT_MODEL}, the prices
 * to {@link GeminiPricing#TABLE}. A model is named as Gemini lists it ({@code gemini-2.5-flash}); a name
 * holding a slash is taken as a full resource name ({@code models/gemini-2.5-flash},
 * {@code tunedModels/my-model}).
 *
 * <p>On Vertex AI ({@link Builder#platform}) the request goes to
 * {@code .../projects/{project}/locations/{region}/publishers/google/models/{model}:streamGenerateContent?alt=sse}
 * with a Google bearer token instead of the key; body and answer are the same. Live sessions on Vertex AI are not
 * supported.
 *
 * <p>With {@link Builder#contextCaching} on, a long system instruction and its tools are kept in an explicit
 * {@code cachedContents} resource ({@code POST {base}/cachedContents}; on Vertex AI
 * {@code .../projects/{project}/locations/{region}/cachedContents}) that each request names as
 * {@code cachedContent}; see {@link GeminiContextCaching}.
 *
 * <p>It is also a {@link DuplexProvider}: a duplex conversation opens a Gemini Live session
 * ({@link GeminiLiveSession}) at {@code {root}/ws/google.ai.generativelanguage.{version}.GenerativeService.BidiGenerateContent},
 * where the base URL is {@code {root}/{version}} and the scheme becomes {@code wss} (or {@code ws}), with the key
 * in the {@code x-goog-api-key} handshake header (as Google's own SDKs send it, never in the URL), for the
 * conversation's model or else {@value #DEFAULT_LIVE_MODEL} ({@link Builder#liveModel}). The upstream must
 * confirm the session within the settings' idle timeout.
 *
 * @since 0.1.0
 */
public final class GeminiProvider extends HttpProvider implements DuplexProvider {

    public static final String TYPE = "gemini";
    public static final String DEFAULT_NAME = TYPE;
    public static final String DEFAULT_BASE_URL = "https://generativelanguage.googleapis.com/v1beta";
    public static final String DEFAULT_MODEL = "gemini-3.6-flash";
    public static final String DEFAULT_LIVE_MODEL = "gemini-2.5-flash-native-audio-preview-12-2025";

    private static final String METHOD = ":streamGenerateContent";
    private static final Map<String, String> SSE = Map.of("alt", "sse");
    private static final String LIVE_SERVICE = ".GenerativeService.BidiGenerateContent";

    private final Map<String, String> authentication;
    private final GenerateContentRequestEncoder encoder;
    private final String liveModel;
    private final VertexPlatform vertex;
    private final ContextCache contextCache;

    private GeminiProvider(Builder builder) {
        super(builder, new GeminiErrorMessages());
        this.authentication = apiKeyHeader("x-goog-api-key", "");
        this.encoder = new GenerateContentRequestEncoder(name());
        this.liveModel = builder.liveModel;
        this.vertex = builder.vertex;
        this.contextCache = new ContextCache(name(), builder.contextCaching, this::createCachedContent,
                this::modelResource, Clock.systemUTC());
    }

    public static Builder builder() {
        return new Builder();
    }

    @Override
    protected Flux<ProviderChunk> send(ProviderRequest request, String model) {
        return contextCache.stream(encoder.encode(request, model), model, body -> generate(body, model));
    }

    private Flux<ProviderChunk> generate(ObjectNode body, String model) {
        StreamRequest call = vertex != null
                ? new StreamRequest(vertex.modelPath("google", model, METHOD.substring(1)), SSE, Map.of(), body)
                : new StreamRequest("/" + modelResource(model) + METHOD, SSE, authentication, body);
        return http().streamSse(call, () -> new GenerateContentStreamDecoder(name()));
    }

    /** {@code cachedContents.create} on the Gemini API, or on Vertex AI in the platform's project and region. */
    private Mono<JsonNode> createCachedContent(ObjectNode createBody) {
        StreamRequest call = vertex != null
                ? new StreamRequest(vertexLocation() + "/cachedContents", Map.of(), Map.of(), createBody)
                : new StreamRequest("/cachedContents", Map.of(), authentication, createBody);
        return http().streamBytes(call, MediaType.APPLICATION_JSON)
                .reduce(new ByteArrayOutputStream(), (all, piece) -> {
                    all.writeBytes(piece);
                    return all;
                })
                .map(all -> JsonMapper.shared().readTree(all.toByteArray()));
    }

    /** The model's resource name: {@code models/...} on the Gemini API, the publisher model's on Vertex AI. */
    private String modelResource(String model) {
        if (vertex != null) {
            return vertexLocation().substring(1) + "/publishers/google/models/" + model;
        }
        return model.contains("/") ? model : "models/" + model;
    }

    private String vertexLocation() {
        return "/projects/" + vertex.project() + "/locations/" + vertex.region();
    }

    @Override
    public String defaultDuplexModel() {
        return liveModel;
    }

    @Override
    public Mono<DuplexSession> openSession(DuplexSessionConfig config) {
        return Mono.defer(() -> {
            if (vertex != null) {
                return Mono.error(new DuplexSessionException(name(), "Live sessions on Vertex AI are not supported",
                        null));
            }
            String baseUrl = settings().baseUrl();
            int versionStart = baseUrl.lastIndexOf('/');
            String path = "/ws/google.ai.generativelanguage." + baseUrl.substring(versionStart + 1) + LIVE_SERVICE;
            Map<String, String> headers = new LinkedHashMap<>(settings().headers());
            headers.putAll(authentication);
            RealtimeEndpoint endpoint = new RealtimeEndpoint(name(), RealtimeEndpoint.webSocketUri(
                    baseUrl.substring(0, versionStart), path), headers, settings().apiKey(), settings().connectTimeout());
            return GeminiLiveSession.open(endpoint, config.model() != null ? config.model() : liveModel, config,
                    settings().idleTimeout());
        });
    }

    /** Builds a {@link GeminiProvider}; only the API key (in the settings) is usually needed. */
    public static final class Builder extends HttpProvider.Builder<Builder, GeminiProvider> {

        private String liveModel = DEFAULT_LIVE_MODEL;
        private VertexPlatform vertex;
        private GeminiContextCaching contextCaching = GeminiContextCaching.DISABLED;

        private Builder() {
            super(TYPE, DEFAULT_MODEL, DEFAULT_BASE_URL, GeminiPricing.TABLE, GeminiProvider::new);
        }

        /**
         * Calls Gemini on Vertex AI instead of the Gemini Developer API.
         *
         * @throws IllegalArgumentException for a platform that does not serve Gemini (Bedrock, Azure)
         */
        public Builder platform(Platform geminiPlatform) {
            if (!(geminiPlatform instanceof VertexPlatform vertexPlatform)) {
                throw new IllegalArgumentException("Gemini is served on the platform vertex, not "
                        + geminiPlatform.type());
            }
            this.vertex = vertexPlatform;
            platform(vertexPlatform.baseUrl(), vertexPlatform.authenticator());
            return this;
        }

        /**
         * Keeps long system instructions and tools in explicit {@code cachedContents} resources
         * ({@link GeminiContextCaching}); off by default.
         */
        public Builder contextCaching(GeminiContextCaching caching) {
            this.contextCaching = Objects.requireNonNull(caching, "contextCaching");
            return this;
        }

        /** The model of duplex (Live) sessions that name none; {@value #DEFAULT_LIVE_MODEL} by default. */
        public Builder liveModel(String liveModel) {
            this.liveModel = Objects.requireNonNull(liveModel, "liveModel");
            return this;
        }
    }
}
