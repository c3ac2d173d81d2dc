/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.provider.ollama;

import dev.promptkit.provider.ProviderChunk;
import dev.promptkit.provider.ProviderRequest;
import dev.promptkit.provider.http.ErrorMessageExtractor;
import dev.promptkit.provider.http.HttpProvider;
import dev.promptkit.provider.http.HttpProviderSettings;
import dev.promptkit.provider.http.StreamRequest;
import java.util.Map;
import reactor.core.publisher.Flux;

/**
 * Ollama's native chat API ({@code POST {base}/api/chat}, streamed as newline-delimited JSON), on a local
 * server, a remote one, or behind a proxy.
 *
 * <pre>{@code
 * Provider ollama = OllamaProvider.builder()
 *         .settings(HttpProviderSettings.builder()
 *                 .baseUrl(OllamaHost.baseUrl(System.getenv(OllamaHost.ENVIRONMENT_VARIABLE))).build())
 *         .model("qwen3:8b")
 *         .build();
 * }</pre>
 *
 * <p>The model defaults to {@value #DEFAULT_MODEL}. The base URL is the server's root
 * ({@value #DEFAULT_BASE_URL} when unset), read as an {@code OLLAMA_HOST} value (see {@link OllamaHost}), so
 * {@code 127.0.0.1:11434} works as well as a URL.
 * Ollama needs no API key; one that is set is sent as a bearer token, as Ollama's cloud and most
 * authenticating proxies expect. Local models cost nothing (see {@link OllamaPricing}). Loading a large
 * model can take longer than the default idle timeout before the first byte arrives: raise the
 * {@linkplain HttpProviderSettings#idleTimeout() idle timeout} for cold starts of such models.
 *
 * @since 0.1.0
 */
public final class OllamaProvider extends HttpProvider {

    public static final String TYPE = "ollama";
    public static final String DEFAULT_NAME = TYPE;
    public static final String DEFAULT_BASE_URL = "http://localhost:11434";
    public static final String DEFAULT_MODEL = "llama3.2";

    private static final String PATH = "/api/chat";

    private final Map<String, String> authentication;
    private final OllamaChatRequestEncoder encoder;

    private OllamaProvider(Builder builder) {
        super(builder, ErrorMessageExtractor.jsonPointer("/error"));
        this.authentication = apiKeyHeader("Authorization", "Bearer ");
        this.encoder = new OllamaChatRequestEncoder(name());
    }

    public static Builder builder() {
        return new Builder();
    }

    @Override
    protected Flux<ProviderChunk> send(ProviderRequest request, String model) {
        StreamRequest call = new StreamRequest(PATH, Map.of(), authentication, encoder.encode(request, model));
        return http().streamNdjson(call, () -> new OllamaChatStreamDecoder(name()));
    }

    /**
     * Builds an {@link OllamaProvider}; with nothing set it talks to a local Ollama. The base URL may be an
     * {@code OLLAMA_HOST} value or a URL ({@link #build()} fails with an {@link IllegalArgumentException} on
     * any other value); the prices are {@link OllamaPricing#TABLE}, every model at 0 USD, unless set.
     */
    public static final class Builder extends HttpProvider.Builder<Builder, OllamaProvider> {

        private Builder() {
            super(TYPE, DEFAULT_MODEL, DEFAULT_BASE_URL, OllamaPricing.TABLE, OllamaProvider::new);
        }

        @Override
        protected HttpProviderSettings resolvedSettings() {
            return settings().withBaseUrl(OllamaHost.baseUrl(settings().baseUrl()));
        }
    }
}
