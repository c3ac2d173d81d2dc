/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.provider.http;

import dev.promptkit.provider.ProviderException;
import dev.promptkit.provider.ProviderException.Kind;
import java.net.URI;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeoutException;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.reactive.function.client.WebClientRequestException;
import org.springframework.web.util.UriComponentsBuilder;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * One JSON POST and its JSON answer, for the embedding providers, under their {@link HttpProviderSettings}:
 * base URL and extra headers, connect and idle timeouts, and retries of failures a retry may cure (HTTP 429,
 * 5xx, a failed connection) with the policy's backoff. Every failure is a {@link ProviderException} with the
 * status and the vendor's own message; the API key never appears in one. Error responses and failed
 * connections are read by the HTTP layer's {@link FailureTranslator}, as for the chat providers, and bodies
 * are read past Spring's logging codecs ({@link ResponseBodies}). Requests go out on the chat providers' kind of
 * connection pool ({@link ProviderConnections}): a request that meets a connection the server had already closed
 * is sent again on a new one; {@link #close()} releases the pool.
 */
final class JsonPostClient implements AutoCloseable {

    /** The largest answer read, 256 MiB: a batch of 2,048 vectors of 3,072 dimensions is about 130 MB of JSON. */
    static final int MAX_ANSWER_BYTES = 256 * 1024 * 1024;

    private final String provider;
    private final HttpProviderSettings settings;
    private final FailureTranslator failures;
    private final ProviderConnections connections;
    private final WebClient webClient;

    JsonPostClient(String provider, HttpProviderSettings settings, ErrorMessageExtractor errorMessages,
            WebClient.Builder webClient) {
        this.provider = Objects.requireNonNull(provider, "provider");
        this.settings = settings;
        this.failures = new FailureTranslator(provider, settings, errorMessages);
        this.connections = new ProviderConnections(provider, settings, ProviderCallListener.NONE);
        this.webClient = connections.webClient(webClient);
    }

    /** POSTs {@code body} to {@code path} below the base URL with {@code headers} (authentication). */
    Mono<JsonNode> post(String path, Map<String, String> headers, JsonNode body) {
        return Mono.defer(() -> {
            URI uri = UriComponentsBuilder.fromUriString(settings.baseUrl()).path(path).build().encode().toUri();
            byte[] bytes = JsonMapper.shared().writeValueAsBytes(body);
            ProviderConnections.Call call = connections.newCall();
            return Mono.defer(() -> attempt(call, uri, headers, bytes)).retryWhen(retries(settings.retry()));
        });
    }

    /** Closes the connection pool. */
    @Override
    public void close() {
        connections.close();
    }

    private Mono<JsonNode> attempt(ProviderConnections.Call call, URI uri, Map<String, String> headers,
            byte[] body) {
        return Mono.from(call.exchange(() -> exchange(uri, headers, body)))
                .timeout(settings.idleTimeout())
                .onErrorMap(failure -> !(failure instanceof ProviderException), this::translate);
    }

    private Mono<JsonNode> exchange(URI uri, Map<String, String> headers, byte[] body) {
        WebClient.RequestHeadersSpec<?> request = webClient.post().uri(uri)
                .contentType(MediaType.APPLICATION_JSON)
                .accept(MediaType.APPLICATION_JSON)
                .headers(all -> {
                    settings.headers().forEach(all::set);
                    headers.forEach(all::set);
                })
                .bodyValue(body);
        return UnaryExchange.send(request, MAX_ANSWER_BYTES).map(this::read);
    }

    private JsonNode read(UnaryExchange.Answer answer) {
        String body = answer.body();
        if (!answer.successful()) {
            throw failures.fromResponse(answer.status(), answer.headers(), body);
        }
        try {
            return JsonMapper.shared().readTree(body);
        }
        catch (RuntimeException notJson) {
            throw failures.invalidAnswer(answer.status(), "the response is not JSON", body, notJson);
        }
    }

    /**
     * A unary call's failure: a silent server is reported as no answer at all, a request that could not be sent
     * as by the streaming client, and anything else as unexpected (a unary answer is never partly received).
     */
    private ProviderException translate(Throwable failure) {
        if (failure instanceof TimeoutException) {
            return new ProviderException(provider, Kind.TIMED_OUT, 0, "no answer within "
                    + settings.idleTimeout().toMillis() + " ms (idle timeout)", false, null, failure);
        }
        if (failure instanceof DataBufferLimitException) {
            return new ProviderException(provider, Kind.ANSWER_TOO_LARGE, 0, "the response is larger than "
                    + MAX_ANSWER_BYTES + " bytes", false, null, null);
        }
        return failure instanceof WebClientRequestException ? failures.translate(failure)
                : failures.unexpected(failure);
    }

    private static Retry retries(RetryPolicy policy) {
        return Retry.from(signals -> signals.concatMap(signal -> {
            Throwable failure = signal.failure();
            boolean retry = signal.totalRetries() < policy.maxRetries()
                    && failure instanceof ProviderException known && known.retryable();
            return retry ? Mono.delay(policy.delay((int) signal.totalRetries(), null,
                    ThreadLocalRandom.current().nextDouble())) : Mono.error(failure);
        }));
    }
}
