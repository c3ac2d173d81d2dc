/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.provider.http;

import dev.promptkit.provider.AnswerLimits;
import dev.promptkit.provider.MidStreamFailures;
import dev.promptkit.provider.PricingTable;
import dev.promptkit.provider.Provider;
import dev.promptkit.provider.ProviderChunk;
import dev.promptkit.provider.ProviderRequest;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import reactor.core.publisher.Flux;

/**
 * What every provider on this HTTP layer has in common: a type, a name, a default model, prices, a
 * {@link StreamingHttpClient} configured by {@link HttpProviderSettings}, {@link AnswerLimits}, and a
 * {@link Builder} for them.
 * A subclass writes the vendor's request in {@link #send}; the model is already chosen (the request's, else
 * the default) and the call is deferred to subscription, so encoding failures arrive as error signals.
 *
 * @since 0.1.0
 */
public abstract class HttpProvider implements Provider {

    private final String type;
    private final String name;
    private final String defaultModel;
    private final PricingTable pricing;
    private final HttpProviderSettings settings;
    private final AnswerLimits answerLimits;
    private final StreamingHttpClient http;

    /**
     * @param errorMessages finds the vendor's message in an error body
     */
    protected HttpProvider(Builder<?, ?> builder, ErrorMessageExtractor errorMessages) {
        this.type = builder.type;
        this.name = builder.name();
        this.defaultModel = builder.model();
        this.pricing = builder.pricing;
        this.settings = builder.resolvedSettings();
        this.answerLimits = builder.answerLimits;
        this.http = new StreamingHttpClient(name, settings, errorMessages, builder.listener, builder.webClient(),
                builder.authenticator);
    }

    @Override
    public final String type() {
        return type;
    }

    @Override
    public final String name() {
        return name;
    }

    @Override
    public final String defaultModel() {
        return defaultModel;
    }

    @Override
    public final PricingTable pricing() {
        return pricing;
    }

    /**
     * The answer to {@code request}, within the {@link #answerLimits()}; a failure after some of it was streamed is
     * {@link dev.promptkit.provider.ProviderException.Kind#INTERRUPTED}.
     */
    @Override
    public final Flux<ProviderChunk> stream(ProviderRequest request) {
        Flux<ProviderChunk> answer = Flux.defer(() -> send(request,
                request.model() == null || request.model().isBlank() ? defaultModel : request.model()));
        return MidStreamFailures.mark(answerLimits.enforce(name, answer));
    }

    /** The largest answer a call may stream. */
    public final AnswerLimits answerLimits() {
        return answerLimits;
    }

    /** The base URL calls go to (the configured one, else the vendor's). */
    public final String baseUrl() {
        return settings.baseUrl();
    }

    /** Whether calls carry an API key. */
    public final boolean hasApiKey() {
        return settings.hasApiKey();
    }

    /** How many of this provider's calls are running now. */
    public int inFlight() {
        return http.inFlight();
    }

    /** Closes this provider's connection pool; calls made afterwards fail. */
    @Override
    public void close() {
        http.close();
    }

    /**
     * Streams one request, typically {@code http().streamSse(new StreamRequest(...), MyDecoder::new)}.
     *
     * @param model the model to call: the request's, else the default
     */
    protected abstract Flux<ProviderChunk> send(ProviderRequest request, String model);

    /** The transport of this provider. */
    protected final StreamingHttpClient http() {
        return http;
    }

    /** The settings this provider runs with (base URL resolved). */
    protected final HttpProviderSettings settings() {
        return settings;
    }

    /** {@code header: prefix + key}, or no header when no API key is configured. */
    protected final Map<String, String> apiKeyHeader(String header, String prefix) {
        return settings.hasApiKey() ? Map.of(header, prefix + settings.apiKey()) : Map.of();
    }

    /**
     * Builds an {@link HttpProvider}: what every {@link HttpServiceBuilder} takes (the model is the default model,
     * used when a request names none), and the type, prices, answer limits and listener of a chat provider. A
     * provider's builder extends it with what only that provider needs.
     *
     * @param <B> the provider's builder
     * @param <P> the provider
     */
    public abstract static class Builder<B extends Builder<B, P>, P extends HttpProvider>
            extends HttpServiceBuilder<B, P> {

        private final String type;
        private PricingTable pricing;
        private AnswerLimits answerLimits = AnswerLimits.DEFAULT;
        private ProviderCallListener listener = ProviderCallListener.NONE;
        private String platformBaseUrl;
        private RequestAuthenticator authenticator = RequestAuthenticator.NONE;

        /**
         * The parameters of {@link HttpServiceBuilder#HttpServiceBuilder(String, String, String, Function)}, where
         * the name is the provider's {@code type} (the name unless one is given) and the model its default model;
         * and the vendor's {@code pricing}.
         */
        protected Builder(String type, String defaultModel, String defaultBaseUrl, PricingTable pricing,
                Function<B, P> constructor) {
            super(type, defaultModel, defaultBaseUrl, constructor);
            this.type = type;
            this.pricing = pricing;
        }

        /** The largest answer a call may stream; {@link AnswerLimits#DEFAULT} by default. */
        public B answerLimits(AnswerLimits answerLimits) {
            this.answerLimits = Objects.requireNonNull(answerLimits, "answerLimits");
            return self();
        }

        /** The prices reported by {@link HttpProvider#pricing()}; the vendor's dated list by default. */
        public B pricing(PricingTable pricing) {
            this.pricing = Objects.requireNonNull(pricing, "pricing");
            return self();
        }

        /**
         * Sends the calls to a cloud platform's {@code baseUrl} (unless the settings name one) and authenticates
         * them with {@code authenticator}; a provider's {@code platform(...)} method calls it.
         */
        protected final void platform(String baseUrl, RequestAuthenticator requestAuthenticator) {
            this.platformBaseUrl = Objects.requireNonNull(baseUrl, "baseUrl");
            this.authenticator = Objects.requireNonNull(requestAuthenticator, "authenticator");
        }

        /** Whether {@link #platform(String, RequestAuthenticator)} was called. */
        protected final boolean hasPlatform() {
            return platformBaseUrl != null;
        }

        @Override
        protected HttpProviderSettings resolvedSettings() {
            return platformBaseUrl != null ? settings().withDefaultBaseUrl(platformBaseUrl)
                    : super.resolvedSettings();
        }

        /** Hears retries and concurrency rejections. */
        public B listener(ProviderCallListener listener) {
            this.listener = Objects.requireNonNull(listener, "listener");
            return self();
        }
    }
}
