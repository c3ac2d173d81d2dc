/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.provider.openai;

import dev.promptkit.duplex.DuplexSession;
import dev.promptkit.duplex.DuplexSessionConfig;
import dev.promptkit.duplex.DuplexSessionException;
import dev.promptkit.provider.DuplexProvider;
import dev.promptkit.provider.ProviderChunk;
import dev.promptkit.provider.ProviderRequest;
import dev.promptkit.provider.http.ErrorMessageExtractor;
import dev.promptkit.provider.http.HttpProvider;
import dev.promptkit.provider.http.HttpProviderSettings;
import dev.promptkit.provider.http.StreamRequest;
import dev.promptkit.provider.platform.AzurePlatform;
import dev.promptkit.provider.platform.Platform;
import dev.promptkit.provider.realtime.RealtimeEndpoint;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * OpenAI's Chat Completions ({@code POST {base}/chat/completions}) and Responses API ({@code POST {base}/responses}),
 * both streamed as server-sent events, on OpenAI itself, on Azure OpenAI, or on any compatible server.
 *
 * <pre>{@code
 * Provider openai = OpenAiProvider.builder()
 *         .settings(HttpProviderSettings.builder().apiKey(System.getenv("OPENAI_API_KEY")).build())
 *         .model("gpt-4o-mini")
 *         .build();
 * }</pre>
 *
 * <p>The base URL defaults to {@value #DEFAULT_BASE_URL}, the model to {@value #DEFAULT_MODEL}, the prices
 * to {@link OpenAiPricing#TABLE}. On Azure, set the base URL to the deployment
 * ({@code https://<resource>.openai.azure.com/openai/deployments/<deployment>}) and call
 * {@link Builder#azure(String)} with the API version: the key then goes in an {@code api-key} header and
 * the version in the {@code api-version} query parameter. {@link Builder#platform} with an
 * {@link AzurePlatform} does the same from the resource endpoint and the deployment name, and, with
 * {@link Platform#azureEntraId}, authenticates with Microsoft Entra ID bearer tokens instead of the key.
 *
 * <p>Which API a call goes to is {@link Builder#api} when set; otherwise {@link OpenAiApi#choose} decides per call:
 * the Responses API for the models OpenAI serves only there ({@code o3-pro}, the Codex models, ...) on OpenAI's own
 * base URL, Chat Completions for every other model and for any other base URL (compatible servers speak Chat
 * Completions). The Responses API streams reasoning summaries as reasoning and carries a reasoning model's encrypted
 * reasoning from one tool round to the next.
 *
 * <p>It is also a {@link DuplexProvider}: a duplex conversation opens an OpenAI Realtime session
 * ({@link OpenAiRealtimeSession}) on the same base URL, key and headers, at {@code {base}/realtime?model=...}
 * with the scheme turned into {@code wss} (or {@code ws}), for the conversation's model or else
 * {@value #DEFAULT_REALTIME_MODEL} ({@link Builder#realtimeModel}). The upstream must confirm the session within
 * the settings' idle timeout. Azure OpenAI's realtime endpoint is not supported.
 *
 * @since 0.1.0
 */
public final class OpenAiProvider extends HttpProvider implements DuplexProvider {

    public static final String TYPE = "openai";
    public static final String DEFAULT_NAME = TYPE;
    public static final String DEFAULT_BASE_URL = "https://api.openai.com/v1";
    public static final String DEFAULT_MODEL = "gpt-4o-mini";
    public static final String DEFAULT_REALTIME_MODEL = "gpt-realtime";

    private static final String PATH = "/chat/completions";
    private static final String RESPONSES_PATH = "/responses";

    private final Map<String, String> authentication;
    private final Map<String, String> query;
    private final ChatCompletionsRequestEncoder encoder;
    private final ResponsesRequestEncoder responsesEncoder;
    private final OpenAiApi api;
    private final boolean azure;
    private final String realtimeModel;

    private OpenAiProvider(Builder builder) {
        super(builder, ErrorMessageExtractor.jsonPointer("/error/message"));
        boolean azure = builder.azureApiVersion != null;
        this.authentication = azure ? apiKeyHeader("api-key", "") : apiKeyHeader("Authorization", "Bearer ");
        this.query = azure ? Map.of("api-version", builder.azureApiVersion) : Map.of();
        this.encoder = new ChatCompletionsRequestEncoder(name(), builder.legacyMaxTokens);
        this.responsesEncoder = new ResponsesRequestEncoder(name());
        this.api = builder.api;
        this.azure = azure;
        this.realtimeModel = builder.realtimeModel;
    }

    public static Builder builder() {
        return new Builder();
    }

    @Override
    protected Flux<ProviderChunk> send(ProviderRequest request, String model) {
        if (apiFor(model) == OpenAiApi.RESPONSES) {
            StreamRequest call = new StreamRequest(RESPONSES_PATH, query, authentication,
                    responsesEncoder.encode(request, model));
            return http().streamSse(call, () -> new ResponsesStreamDecoder(name(), answerLimits()));
        }
        StreamRequest call = new StreamRequest(PATH, query, authentication, encoder.encode(request, model));
        return http().streamSse(call, () -> new ChatCompletionsStreamDecoder(name(), answerLimits()));
    }

    /** The API a call to {@code model} goes to (see {@link OpenAiApi#choose}). */
    public OpenAiApi apiFor(String model) {
        return OpenAiApi.choose(api, baseUrl(), model);
    }

    /** The configured API, or {@code null} when it is chosen per call by model and base URL. */
    public OpenAiApi configuredApi() {
        return api;
    }

    @Override
    public String defaultDuplexModel() {
        return realtimeModel;
    }

    @Override
    public Mono<DuplexSession> openSession(DuplexSessionConfig config) {
        return Mono.defer(() -> {
            if (azure) {
                return Mono.error(new DuplexSessionException(name(), "realtime sessions on Azure OpenAI are not "
                        + "supported", null));
            }
            String model = config.model() != null ? config.model() : realtimeModel;
            Map<String, String> headers = new LinkedHashMap<>(settings().headers());
            headers.putAll(authentication);
            RealtimeEndpoint endpoint = new RealtimeEndpoint(name(), RealtimeEndpoint.webSocketUri(
                    settings().baseUrl(), "/realtime?model=" + URLEncoder.encode(model, StandardCharsets.UTF_8)),
                    headers, settings().apiKey(), settings().connectTimeout());
            return OpenAiRealtimeSession.open(endpoint, config, settings().idleTimeout());
        });
    }

    /** Builds an {@link OpenAiProvider}; only the API key (in the settings) is usually needed. */
    public static final class Builder extends HttpProvider.Builder<Builder, OpenAiProvider> {
        private String azureApiVersion;
        private boolean legacyMaxTokens;
        private String realtimeModel = DEFAULT_REALTIME_MODEL;
        private OpenAiApi api;

        private Builder() {
            super(TYPE, DEFAULT_MODEL, DEFAULT_BASE_URL, OpenAiPricing.TABLE, OpenAiProvider::new);
        }

        /** Speaks Azure OpenAI: {@code api-key} header, {@code api-version} query; the base URL is the deployment's. */
        public Builder azure(String apiVersion) {
            this.azureApiVersion = Objects.requireNonNull(apiVersion, "apiVersion");
            return this;
        }

        /**
         * Calls a deployment on Azure OpenAI ({@code {endpoint}/openai/deployments/{deployment}/chat/completions
         * ?api-version=...}), with the settings' API key in {@code api-key} or the platform's Entra ID tokens.
         *
         * @throws IllegalArgumentException for a platform that does not serve OpenAI's models (Bedrock, Vertex)
         */
        public Builder platform(Platform openAiPlatform) {
            if (!(openAiPlatform instanceof AzurePlatform azurePlatform)) {
                throw new IllegalArgumentException("OpenAI models are served on the platform azure, not "
                        + openAiPlatform.type());
            }
            azure(azurePlatform.apiVersion());
            platform(azurePlatform.baseUrl(), azurePlatform.authenticator());
            return this;
        }

        /**
         * Sends {@code max_tokens} instead of {@code max_completion_tokens}. OpenAI deprecated
         * {@code max_tokens} and rejects it for reasoning models; only older compatible servers need it.
         */
        public Builder legacyMaxTokens(boolean legacyMaxTokens) {
            this.legacyMaxTokens = legacyMaxTokens;
            return this;
        }

        /**
         * The API every call goes to, whatever its model; {@code null} (the default) chooses per call: the Responses
         * API for the models only it serves on OpenAI's own base URL, Chat Completions otherwise.
         */
        public Builder api(OpenAiApi openAiApi) {
            this.api = openAiApi;
            return this;
        }

        /** The model of duplex (realtime) sessions that name none; {@value #DEFAULT_REALTIME_MODEL} by default. */
        public Builder realtimeModel(String realtimeModel) {
            this.realtimeModel = Objects.requireNonNull(realtimeModel, "realtimeModel");
            return this;
        }

        @Override
        protected HttpProviderSettings resolvedSettings() {
            if (azureApiVersion != null && settings().baseUrl() == null && !hasPlatform()) {
                throw new IllegalStateException("Azure OpenAI needs the deployment URL as base URL: "
                        + "https://<resource>.openai.azure.com/openai/deployments/<deployment>");
            }
            return super.resolvedSettings();
        }
    }
}
