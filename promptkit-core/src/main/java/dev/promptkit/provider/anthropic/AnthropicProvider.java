/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.provider.anthropic;

import dev.promptkit.provider.ProviderChunk;
import dev.promptkit.provider.ProviderRequest;
import dev.promptkit.provider.http.ErrorMessageExtractor;
import dev.promptkit.provider.http.HttpProvider;
import dev.promptkit.provider.http.StreamRequest;
import dev.promptkit.provider.platform.BedrockPlatform;
import dev.promptkit.provider.platform.Platform;
import dev.promptkit.provider.platform.VertexPlatform;
import dev.promptkit.provider.platform.aws.BedrockStreamDecoder;
import dev.promptkit.provider.platform.aws.EventStreamReader;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.MediaType;
import reactor.core.publisher.Flux;
import tools.jackson.databind.node.ObjectNode;

/**
 * Anthropic's Messages API ({@code POST {base}/v1/messages}, streamed as server-sent events).
 *
 * <pre>{@code
 * Provider claude = AnthropicProvider.builder()
 *         .settings(HttpProviderSettings.builder().apiKey(System.getenv("ANTHROPIC_API_KEY")).build())
 *         .model("claude-sonnet-4-5")
 *         .build();
 * }</pre>
 *
 * <p>The model defaults to {@value #DEFAULT_MODEL}, the prices to {@link AnthropicPricing#TABLE}. The base
 * URL is the API host without {@code /v1} ({@value #DEFAULT_BASE_URL} by default), as
 * Anthropic's own SDKs and {@code ANTHROPIC_BASE_URL} spell it, so that the same value works here; the
 * provider appends {@value #PATH}. The key goes in the {@code x-api-key} header, the API version in
 * {@code anthropic-version}; beta features are switched on with an {@code anthropic-beta} header in the
 * settings' extra headers.
 *
 * <p>Claude on a cloud platform ({@link Builder#platform}): on AWS Bedrock the request goes to
 * {@code /model/{modelId}/invoke-with-response-stream}, SigV4-signed, with {@code anthropic_version}
 * {@value #BEDROCK_VERSION} in the body and neither {@code model} nor {@code stream}, and the answer is an AWS event
 * stream whose chunks carry the Messages events; on Vertex AI it goes to
 * {@code .../publishers/anthropic/models/{model}:streamRawPredict} with a Google bearer token and
 * {@code anthropic_version} {@value #VERTEX_VERSION} in the body instead of {@code model}, and the answer is the
 * same server-sent events. The body is otherwise the one sent to Anthropic.
 *
 * <p>Anthropic requires {@code max_tokens}: a request without {@code maxTokens} is sent with
 * {@link Builder#defaultMaxTokens} ({@value #DEFAULT_MAX_TOKENS} unless set). Long prompts are marked for
 * Anthropic's prompt cache unless {@link Builder#promptCaching} is off. How messages, tools and
 * response formats are mapped is described in the {@linkplain dev.promptkit.provider.anthropic package}.
 *
 * @since 0.1.0
 */
public final class AnthropicProvider extends HttpProvider {

    public static final String TYPE = "anthropic";
    public static final String DEFAULT_NAME = TYPE;
    public static final String DEFAULT_BASE_URL = "https://api.anthropic.com";
    public static final String DEFAULT_MODEL = "claude-haiku-4-5";
    public static final int DEFAULT_MAX_TOKENS = 4096;
    /** The path of the Messages API below the base URL. */
    public static final String PATH = "/v1/messages";
    /** The API version sent in every {@code anthropic-version} header. */
    public static final String API_VERSION = "2023-06-01";
    /** The {@code anthropic_version} of request bodies on AWS Bedrock. */
    public static final String BEDROCK_VERSION = "bedrock-2023-05-31";
    /** The {@code anthropic_version} of request bodies on Vertex AI. */
    public static final String VERTEX_VERSION = "vertex-2023-10-16";

    private static final MediaType EVENT_STREAM = MediaType.parseMediaType("application/vnd.amazon.eventstream");

    private final Map<String, String> headers;
    private final MessagesRequestEncoder encoder;
    private final Platform platform;
    private final EventStreamReader eventStream;

    private AnthropicProvider(Builder builder) {
        super(builder, ErrorMessageExtractor.jsonPointer(builder.platform instanceof BedrockPlatform ? "/message"
                : "/error/message"));
        this.platform = builder.platform;
        this.eventStream = new EventStreamReader(name());
        Map<String, String> requestHeaders = new HashMap<>(apiKeyHeader("x-api-key", ""));
        requestHeaders.put("anthropic-version", API_VERSION);
        this.headers = Map.copyOf(requestHeaders);
        this.encoder = new MessagesRequestEncoder(name(), builder.defaultMaxTokens, builder.promptCaching);
    }

    public static Builder builder() {
        return new Builder();
    }

    @Override
    protected Flux<ProviderChunk> send(ProviderRequest request, String model) {
        ObjectNode body = encoder.encode(request, model);
        if (platform instanceof BedrockPlatform bedrock) {
            body.remove(List.of("model", "stream"));
            body.put("anthropic_version", BEDROCK_VERSION);
            StreamRequest call = new StreamRequest(bedrock.streamPath(model), Map.of(), Map.of(), body, true);
            return http().streamFrames(call, EVENT_STREAM, eventStream::read,
                    () -> new BedrockStreamDecoder(name(), new MessagesStreamDecoder(name(), answerLimits())));
        }
        StreamRequest call;
        if (platform instanceof VertexPlatform vertex) {
            body.remove("model");
            body.put("anthropic_version", VERTEX_VERSION);
            call = new StreamRequest(vertex.modelPath("anthropic", model, "streamRawPredict"), Map.of(), Map.of(),
                    body);
        }
        else {
            call = new StreamRequest(PATH, Map.of(), headers, body);
        }
        return http().streamSse(call, () -> new MessagesStreamDecoder(name(), answerLimits()));
    }

    /** Builds an {@link AnthropicProvider}; only the API key (in the settings) is usually needed. */
    public static final class Builder extends HttpProvider.Builder<Builder, AnthropicProvider> {
        private int defaultMaxTokens = DEFAULT_MAX_TOKENS;
        private Platform platform;
        private boolean promptCaching = true;

        private Builder() {
            super(TYPE, DEFAULT_MODEL, DEFAULT_BASE_URL, AnthropicPricing.TABLE, AnthropicProvider::new);
        }

        /**
         * Calls Claude on AWS Bedrock or Vertex AI instead of Anthropic's API; the model is then the platform's id
         * ({@code anthropic.claude-sonnet-4-5-20250929-v1:0} on Bedrock, {@code claude-sonnet-4-5@20250929} on
         * Vertex AI).
         *
         * @throws IllegalArgumentException for a platform that does not serve Claude (Azure)
         */
        public Builder platform(Platform claudePlatform) {
            if (!(claudePlatform instanceof BedrockPlatform) && !(claudePlatform instanceof VertexPlatform)) {
                throw new IllegalArgumentException("Claude is served on the platforms bedrock and vertex, not "
                        + claudePlatform.type());
            }
            this.platform = claudePlatform;
            platform(claudePlatform.baseUrl(), claudePlatform.authenticator());
            return this;
        }

        /**
         * The {@code max_tokens} sent when a request sets no {@code maxTokens} (Anthropic requires one);
         * {@value AnthropicProvider#DEFAULT_MAX_TOKENS} by default.
         */
        public Builder defaultMaxTokens(int defaultMaxTokens) {
            if (defaultMaxTokens < 1) {
                throw new IllegalArgumentException("defaultMaxTokens must be at least 1");
            }
            this.defaultMaxTokens = defaultMaxTokens;
            return this;
        }

        /**
         * Whether to set prompt-cache breakpoints on the tools, system prompt and history of prompts long enough
         * to be cached ({@code true} by default); cache reads and writes are reported and priced either way.
         */
        public Builder promptCaching(boolean promptCaching) {
            this.promptCaching = promptCaching;
            return this;
        }
    }
}
