/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.provider.http;

import dev.promptkit.provider.ProviderChunk;
import dev.promptkit.provider.ProviderException;
import dev.promptkit.secret.SecretRedactor;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import java.util.function.Supplier;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpEntity;
import org.springframework.http.MediaType;
import org.springframework.util.MultiValueMap;
import org.springframework.web.reactive.function.BodyInserters;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.util.UriComponentsBuilder;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import tools.jackson.databind.json.JsonMapper;

/**
 * The HTTP transport every HTTP provider shares: POSTs a JSON body to a streaming endpoint and turns
 * the streamed response into {@link ProviderChunk}s through a provider-supplied {@link StreamDecoder}.
 * Services that are not chat providers (speech-to-text, text-to-speech) use the same path for a JSON or
 * multipart body and read the raw bytes of the answer ({@link #streamBytes}).
 *
 * <p>On the way it applies the provider's {@link HttpProviderSettings}: a slot under the concurrency
 * limit is taken before the request and given back when the body ends, fails or is cancelled; a
 * non-2xx response becomes a {@link dev.promptkit.provider.ProviderException} with the status and the
 * provider's own message (found by the {@link ErrorMessageExtractor}); a silent upstream fails after the
 * idle timeout; a request that met a connection the server had already closed is sent again on a new one
 * (see {@link ProviderConnections}); a failure before the first chunk reached the caller is retried under the
 * {@link RetryPolicy}. Every such decision is reported to the {@link ProviderCallListener}. Neither
 * headers nor the API key are ever logged or put into an exception message, and bodies are read from their
 * buffers, never through a codec that logs them (see {@link ResponseBodies}).
 *
 * <p>One instance serves one provider for its whole life and is thread-safe. Requests go through Reactor
 * Netty on a connection pool of the provider's own (see {@link HttpProviderSettings#maxConnections()}), which
 * {@link #close()} releases. The {@link WebClient} is built from a caller's {@code WebClient.Builder} when one
 * is given (Spring Boot's, say), so that its filters, codecs, default headers and observation apply; its
 * connector is replaced by the provider's own.
 *
 * @since 0.1.0
 */
public final class StreamingHttpClient implements AutoCloseable {

    private final HttpProviderSettings settings;
    private final ProviderConnections connections;
    private final WebClient webClient;
    private final FailureTranslator failures;
    private final ConcurrencyLimiter limiter;
    private final StreamRetry retry;
    private final SseEventReader sseReader;
    private final NdjsonReader ndjsonReader;
    private final RequestAuthenticator authenticator;
    private volatile CallUri lastUri;

    /**
     * A client on a plain {@link WebClient}.
     *
     * @param provider the provider's name, used in error messages and as the name of its connection pool
     * @param settings where and how to connect; its base URL must be set
     * @param errorMessages finds the provider's message in an error body
     * @param listener hears retries and rejections
     */
    public StreamingHttpClient(String provider, HttpProviderSettings settings, ErrorMessageExtractor errorMessages,
            ProviderCallListener listener) {
        this(provider, settings, errorMessages, listener, WebClient.builder());
    }

    /**
     * A client on a {@link WebClient} built from a clone of {@code webClient}, with the provider's own connector.
     *
     * @param provider the provider's name, used in error messages and as the name of its connection pool
     * @param settings where and how to connect; its base URL must be set
     * @param errorMessages finds the provider's message in an error body
     * @param listener hears retries and rejections
     * @param webClient the builder to start from; it is not changed
     */
    public StreamingHttpClient(String provider, HttpProviderSettings settings, ErrorMessageExtractor errorMessages,
            ProviderCallListener listener, WebClient.Builder webClient) {
        this(provider, settings, errorMessages, listener, webClient, RequestAuthenticator.NONE);
    }

    /**
     * A client whose JSON calls are also authenticated, attempt by attempt, by {@code authenticator} (a refreshed
     * bearer token, a request signature); the secrets it returns are masked in the call's failures.
     *
     * @param provider the provider's name, used in error messages and as the name of its connection pool
     * @param settings where and how to connect; its base URL must be set
     * @param errorMessages finds the provider's message in an error body
     * @param listener hears retries and rejections
     * @param webClient the builder to start from; it is not changed
     * @param authenticator adds the authentication headers of each attempt of a JSON call
     */
    public StreamingHttpClient(String provider, HttpProviderSettings settings, ErrorMessageExtractor errorMessages,
            ProviderCallListener listener, WebClient.Builder webClient, RequestAuthenticator authenticator) {
        Objects.requireNonNull(provider, "provider");
        this.authenticator = Objects.requireNonNull(authenticator, "authenticator");
        Objects.requireNonNull(settings.baseUrl(), "settings.baseUrl");
        this.settings = settings;
        this.connections = new ProviderConnections(provider, settings, listener);
        this.webClient = connections.webClient(webClient);
        this.failures = new FailureTranslator(provider, settings, errorMessages,
                authenticator != RequestAuthenticator.NONE);
        this.limiter = new ConcurrencyLimiter(provider, settings.concurrency(), listener, Schedulers.parallel());
        this.retry = new StreamRetry(settings.retry(), new RetryBudget(settings.retry(), System::nanoTime), listener,
                () -> ThreadLocalRandom.current().nextDouble());
        this.sseReader = new SseEventReader(settings.maxLineBytes());
        this.ndjsonReader = new NdjsonReader(settings.maxLineBytes());
    }

    /** Streams a {@code text/event-stream} response, decoding each attempt with a new decoder. */
    public Flux<ProviderChunk> streamSse(StreamRequest request,
            Supplier<? extends StreamDecoder<? super SseEvent>> decoders) {
        return stream(request, MediaType.TEXT_EVENT_STREAM, body -> sseReader.decode(body, decoders.get()));
    }

    /** Streams an {@code application/x-ndjson} response, decoding each attempt with a new decoder. */
    public Flux<ProviderChunk> streamNdjson(StreamRequest request,
            Supplier<? extends StreamDecoder<? super String>> decoders) {
        return stream(request, MediaType.APPLICATION_NDJSON, body -> decode(ndjsonReader.read(body), decoders.get()));
    }

    /**
     * Streams a response in another framing (AWS's binary event stream, say): {@code frames} cuts each attempt's
     * body into events, and a new decoder decodes them.
     *
     * @param accept the media type of the streamed body
     */
    public <E> Flux<ProviderChunk> streamFrames(StreamRequest request, MediaType accept,
            Function<Flux<DataBuffer>, Flux<E>> frames, Supplier<? extends StreamDecoder<? super E>> decoders) {
        return stream(request, accept, body -> decode(frames.apply(body), decoders.get()));
    }

    /**
     * POSTs a JSON body and streams the raw response body, in pieces as they arrive (binary audio, say).
     * Limit, idle timeout, error translation and pre-first-piece retry apply as for {@link #streamSse}.
     */
    public Flux<byte[]> streamBytes(StreamRequest request, MediaType accept) {
        return stream(request, accept, StreamingHttpClient::bytes);
    }

    /**
     * POSTs a {@code multipart/form-data} body (a file upload, say) to {@code path} below the base URL and
     * streams the raw response body, like {@link #streamBytes(StreamRequest, MediaType)}.
     *
     * @param headers headers of this call, typically the authentication header
     * @param form the parts; they are written again for each attempt, so they must be re-readable (byte arrays,
     *        strings)
     */
    public Flux<byte[]> streamBytes(String path, Map<String, String> headers, MultiValueMap<String, HttpEntity<?>> form,
            MediaType accept) {
        return stream(path, Map.of(), headers, spec -> spec.body(BodyInserters.fromMultipartData(form)), accept,
                StreamingHttpClient::bytes);
    }

    /** How many calls hold a slot right now (counted even when the concurrency is unlimited). */
    public int inFlight() {
        return limiter.inFlight();
    }

    /** Closes the connection pool; calls made afterwards fail at once. */
    @Override
    public void close() {
        connections.close();
    }

    private <T> Flux<T> stream(StreamRequest request, MediaType accept,
            Function<Flux<DataBuffer>, Flux<T>> bodyDecoder) {
        return Flux.defer(() -> {
            byte[] body = JsonMapper.shared().writeValueAsBytes(request.body());
            URI uri = uri(request.path(), request.query(), request.pathEncoded());
            return stream(uri, request.headers(), () -> authenticator.authenticate(uri, body),
                    spec -> spec.contentType(MediaType.APPLICATION_JSON).bodyValue(body), accept, bodyDecoder);
        });
    }

    private <T> Flux<T> stream(String path, Map<String, String> query, Map<String, String> headers,
            Function<WebClient.RequestBodySpec, WebClient.RequestHeadersSpec<?>> body, MediaType accept,
            Function<Flux<DataBuffer>, Flux<T>> bodyDecoder) {
        return Flux.defer(() -> stream(uri(path, query, false), headers,
                () -> Mono.just(RequestAuthenticator.Authentication.NONE), body, accept, bodyDecoder));
    }

    private <T> Flux<T> stream(URI uri, Map<String, String> headers,
            Supplier<Mono<RequestAuthenticator.Authentication>> authentication,
            Function<WebClient.RequestBodySpec, WebClient.RequestHeadersSpec<?>> body, MediaType accept,
            Function<Flux<DataBuffer>, Flux<T>> bodyDecoder) {
        return Flux.defer(() -> {
            if (connections.isClosed()) {
                return Flux.error(failures.closed());
            }
            AtomicBoolean delivered = new AtomicBoolean();
            ProviderConnections.Call call = connections.newCall();
            return Flux.defer(() -> authentication.get()
                    .onErrorMap(failures::authenticationFailed)
                    .flatMapMany(auth -> attempt(call, uri, withAuthentication(headers, auth), body, accept,
                            bodyDecoder).onErrorMap(ProviderException.class,
                                    failure -> failure.redactedBy(SecretRedactor.of(auth.secrets())))))
                    .doOnNext(item -> delivered.set(true))
                    .retryWhen(retry.forCall(delivered::get));
        });
    }

    private static Map<String, String> withAuthentication(Map<String, String> headers,
            RequestAuthenticator.Authentication authentication) {
        if (authentication.headers().isEmpty()) {
            return headers;
        }
        Map<String, String> all = new LinkedHashMap<>(headers);
        all.putAll(authentication.headers());
        return all;
    }

    private <T> Flux<T> attempt(ProviderConnections.Call call, URI uri, Map<String, String> headers,
            Function<WebClient.RequestBodySpec, WebClient.RequestHeadersSpec<?>> body, MediaType accept,
            Function<Flux<DataBuffer>, Flux<T>> bodyDecoder) {
        ConcurrencyLimiter.Permit permit = limiter.newPermit();
        // the slot is back before the end of the body reaches the caller; doFinally covers cancellation
        Flux<DataBuffer> bytes = permit.acquire()
                .thenMany(IdleTimeout.apply(call.exchange(() -> exchange(uri, headers, body, accept)),
                        settings.idleTimeout(), Schedulers.parallel(), StreamingHttpClient::silence))
                .doOnTerminate(permit::release)
                .doFinally(signal -> permit.release());
        return bodyDecoder.apply(bytes).onErrorMap(failures::translate);
    }

    private Flux<DataBuffer> exchange(URI uri, Map<String, String> headers,
            Function<WebClient.RequestBodySpec, WebClient.RequestHeadersSpec<?>> body, MediaType accept) {
        WebClient.RequestBodySpec request = webClient.post().uri(uri)
                .accept(accept)
                .headers(all -> {
                    settings.headers().forEach(all::set);
                    headers.forEach(all::set);
                });
        return body.apply(request)
                .exchangeToFlux(response -> response.statusCode().is2xxSuccessful()
                        ? response.bodyToFlux(DataBuffer.class)
                        : ResponseBodies.excerpt(response, ResponseBodies.MAX_ERROR_BODY_BYTES)
                                .flatMapMany(text -> Flux.error(failures.fromResponse(response.statusCode().value(),
                                        response.headers().asHttpHeaders(), text))));
    }

    /** The URI of a call: the last one built, when the path and query are the same (nearly every call's are). */
    private URI uri(String path, Map<String, String> query, boolean pathEncoded) {
        CallUri last = lastUri;
        if (last != null && last.path().equals(path) && last.query().equals(query)) {
            return last.uri();
        }
        UriComponentsBuilder uri = UriComponentsBuilder.fromUriString(settings.baseUrl()).path(path);
        query.forEach(uri::queryParam);
        URI built = pathEncoded ? uri.build(true).toUri() : uri.build().encode().toUri();
        lastUri = new CallUri(path, query, built);
        return built;
    }

    /** The failure of a body that was silent for the idle timeout; {@link FailureTranslator} words it. */
    private static TimeoutException silence() {
        return new TimeoutException("no byte of the answer within the idle timeout");
    }

    /** A call's URI, built from its path and query below the base URL. */
    private record CallUri(String path, Map<String, String> query, URI uri) {
    }

    private static Flux<byte[]> bytes(Flux<DataBuffer> body) {
        return body.map(buffer -> {
            byte[] bytes = new byte[buffer.readableByteCount()];
            buffer.read(bytes);
            DataBufferUtils.release(buffer);
            return bytes;
        });
    }

    private static <E> Flux<ProviderChunk> decode(Flux<E> events, StreamDecoder<? super E> decoder) {
        return events.concatMapIterable(decoder::decode)
                .concatWith(Flux.defer(() -> Flux.fromIterable(decoder.finish())))
                .doFinally(signal -> decoder.close());
    }
}
