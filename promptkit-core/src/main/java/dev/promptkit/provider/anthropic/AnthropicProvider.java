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
import java.util.HashMap;
import java.util.Map;
import reactor.core.publisher.Flux;

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

    private final Map<String, String> headers;
    private final MessagesRequestEncoder encoder;

    private AnthropicProvider(Builder builder) {
        super(builder, ErrorMessageExtractor.jsonPointer("/error/message"));
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
        StreamRequest call = new StreamRequest(PATH, Map.of(), headers, encoder.encode(request, model));
        return http().streamSse(call, () -> new MessagesStreamDecoder(name(), answerLimits()));
    }

    /** Builds an {@link AnthropicProvider}; only the API key (in the settings) is usually needed. */
    public static final class Builder extends HttpProvider.Builder<Builder, AnthropicProvider> {
        private int defaultMaxTokens = DEFAULT_MAX_TOKENS;
        private boolean promptCaching = true;

        private Builder() {
            super(TYPE, DEFAULT_MODEL, DEFAULT_BASE_URL, AnthropicPricing.TABLE, AnthropicProvider::new);
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
