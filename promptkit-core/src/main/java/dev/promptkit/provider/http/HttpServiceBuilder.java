/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.provider.http;

import java.util.Objects;
import java.util.function.Function;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * What every builder of a service on this HTTP layer takes: the name it is configured under, the model, the
 * {@link HttpProviderSettings} (base URL, API key, headers, timeouts, retry, connections) and the
 * {@code WebClient.Builder} to start from. Chat providers ({@link HttpProvider.Builder}), embedding providers
 * ({@link EmbeddingProviderBuilder}) and speech services extend it with what only they need.
 *
 * @param <B> the concrete builder
 * @param <S> the service it builds
 * @since 0.1.0
 */
public abstract class HttpServiceBuilder<B extends HttpServiceBuilder<B, S>, S> {

    private final String defaultBaseUrl;
    private final Function<B, S> constructor;
    private String name;
    private String model;
    private HttpProviderSettings settings = HttpProviderSettings.builder().build();
    private WebClient.Builder webClient = WebClient.builder();

    /**
     * @param name the name used unless one is given
     * @param model the model used unless one is given
     * @param defaultBaseUrl the vendor's API root, used when the settings name none
     * @param constructor makes the service from this builder
     */
    protected HttpServiceBuilder(String name, String model, String defaultBaseUrl, Function<B, S> constructor) {
        this.name = name;
        this.model = model;
        this.defaultBaseUrl = defaultBaseUrl;
        this.constructor = constructor;
    }

    /** The name this instance is configured under, used in error messages and for its connection pool. */
    public B name(String name) {
        this.name = Objects.requireNonNull(name, "name");
        return self();
    }

    /** The model; each service documents its default ({@code DEFAULT_MODEL}). */
    public B model(String model) {
        this.model = Objects.requireNonNull(model, "model");
        return self();
    }

    /**
     * Base URL (the vendor's {@code DEFAULT_BASE_URL} when unset), API key, extra headers, timeouts, retry and
     * connections.
     */
    public B settings(HttpProviderSettings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
        return self();
    }

    /**
     * The {@code WebClient.Builder} to start from, such as the one Spring Boot configures, so that its filters,
     * codecs, default headers and observation apply to the service's calls. It is cloned, not changed, and its
     * connector is replaced by the service's own pool (see {@link HttpProviderSettings#maxConnections()}). A plain
     * {@code WebClient.builder()} by default.
     */
    public B webClient(WebClient.Builder webClient) {
        this.webClient = Objects.requireNonNull(webClient, "webClient");
        return self();
    }

    /**
     * Builds the service.
     *
     * @throws IllegalArgumentException if a setting does not suit the service (an Ollama base URL that is
     *         neither a host nor a URL)
     * @throws IllegalStateException if the service lacks a setting it needs (Azure OpenAI without a base URL)
     */
    public final S build() {
        return constructor.apply(self());
    }

    /** The name given, else the default. */
    protected final String name() {
        return name;
    }

    /** The model given, else the default. */
    protected final String model() {
        return model;
    }

    /** The settings as given, for a service's own checks. */
    protected final HttpProviderSettings settings() {
        return settings;
    }

    /** The settings the service runs with: by default those given, with the vendor's base URL if none is set. */
    protected HttpProviderSettings resolvedSettings() {
        return settings.withDefaultBaseUrl(defaultBaseUrl);
    }

    /** The {@code WebClient.Builder} to start from. */
    protected final WebClient.Builder webClient() {
        return webClient;
    }

    /** This builder, as its concrete type. */
    @SuppressWarnings("unchecked")
    protected final B self() {
        return (B) this;
    }
}
