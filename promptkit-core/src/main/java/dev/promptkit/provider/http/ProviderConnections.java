/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.provider.http;

import dev.promptkit.provider.PooledConnectionEviction;
import io.netty.channel.ChannelOption;
import java.io.IOException;
import java.net.URI;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import java.util.function.Supplier;
import org.reactivestreams.Publisher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.http.HttpMethod;
import org.springframework.http.client.reactive.ClientHttpConnector;
import org.springframework.http.client.reactive.ClientHttpRequest;
import org.springframework.http.client.reactive.ClientHttpResponse;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.reactive.function.client.WebClientRequestException;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.netty.channel.AbortedException;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;
import reactor.util.context.Context;

/**
 * The connections of one provider (or other HTTP service of ours): a Reactor Netty pool of its own, so that a
 * busy provider never takes another's connections, behind Spring's {@link ReactorClientHttpConnector}, and the
 * one re-send that makes a connection the server had already closed harmless.
 *
 * <p>The pool holds at most {@link HttpProviderSettings#maxConnections()} connections and lets as many requests
 * again wait for one. It hands out the most recently used connection first (LIFO), so that the busy few stay
 * warm and the rest age out; it closes connections unused for {@link HttpProviderSettings#maxIdleTime()}, before
 * servers and load balancers drop them, retires any connection after {@link HttpProviderSettings#maxLifeTime()},
 * and never hands out a connection the server has already closed, where the transport can tell (see
 * {@link PooledConnectionEviction}). Connections are opened within the settings' connect timeout and
 * speak HTTP/1.1.
 *
 * <p>A server may still close a kept-alive connection just as a request goes out on it (its idle timeout, a cap
 * on idle connections or on requests per connection, a restart): the request then fails without a byte of
 * answer. Reactor Netty retries such a failure itself only while the request has not been written; once it has
 * ("Connection prematurely closed BEFORE response", or a reset), it cannot know whether a POST is safe to repeat
 * and fails. {@link Call#exchange} repeats it: an exchange that failed on a reused connection before any byte of
 * response came back (or could not be sent at all because the pool's connections had been closed) is sent again
 * at once, on a new connection of its own (not from the pool), once per call,
 * outside the retry policy and its budget, and the {@link ProviderCallListener} hears of it. A second failure,
 * a failure on a new connection, and any failure after bytes of the answer arrived take the normal path.
 * {@link #close()} disposes the pool.
 *
 * @since 0.1.0
 */
public final class ProviderConnections implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ProviderConnections.class);
    private static final double MAX_LIFE_TIME_VARIANCE_PERCENT = 10;
    /** How Reactor Netty's pool (DefaultPooledConnectionProvider) says two acquired connections were closed. */
    private static final String POOL_GAVE_CLOSED_CONNECTIONS = "Error while acquiring from ";

    private final String provider;
    private final ProviderCallListener listener;
    private final ConnectionProvider pool;
    private final ClientHttpConnector connector;
    private volatile boolean closed;

    /**
     * @param provider the provider's name, used in log lines and as the name of its pool
     * @param settings the pool size and times and the connect timeout
     * @param listener hears each re-send
     */
    public ProviderConnections(String provider, HttpProviderSettings settings, ProviderCallListener listener) {
        this.provider = Objects.requireNonNull(provider, "provider");
        this.listener = Objects.requireNonNull(listener, "listener");
        this.pool = ConnectionProvider.builder("promptkit-" + provider)
                .maxConnections(settings.maxConnections())
                .pendingAcquireMaxCount(2 * settings.maxConnections())
                .lifo()
                // replaces the pool's own test of closed and idle connections, adding connections the server closed
                .evictionPredicate(new PooledConnectionEviction(settings.maxIdleTime()))
                .maxLifeTime(settings.maxLifeTime())
                .maxLifeTimeVariance(MAX_LIFE_TIME_VARIANCE_PERCENT)
                .evictInBackground(settings.maxIdleTime().dividedBy(2))
                .build();
        this.connector = new Routing(connector(HttpClient.create(pool), settings),
                connector(HttpClient.create(ConnectionProvider.newConnection()), settings));
    }

    private static ClientHttpConnector connector(HttpClient client, HttpProviderSettings settings) {
        int connectMillis = (int) Math.min(Integer.MAX_VALUE, settings.connectTimeout().toMillis());
        return new ReactorClientHttpConnector(client
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, connectMillis)
                .doOnChannelInit((observer, channel, remote) -> ConnectionUse.install(channel))
                .doOnRequest((request, connection) -> request.currentContextView()
                        .<ExchangeAttempt>getOrEmpty(ExchangeAttempt.class)
                        .ifPresent(attempt -> attempt.sendingOn(connection))));
    }

    /** A {@link WebClient} built from a clone of {@code builder} (which is not changed), on these connections. */
    public WebClient webClient(WebClient.Builder builder) {
        // request headers (the API key) must never be logged, whatever the given builder's codecs say
        return builder.clone().clientConnector(connector)
                .codecs(codecs -> codecs.defaultCodecs().enableLoggingRequestDetails(false)).build();
    }

    /** A new call, whose exchanges may be sent again once. */
    public Call newCall() {
        return new Call();
    }

    /** Whether {@link #close()} was called. */
    public boolean isClosed() {
        return closed;
    }

    /** Closes the pooled connections. */
    @Override
    public void close() {
        closed = true;
        pool.dispose();
    }

    /**
     * One call to the service, through any number of attempts: the first of its exchanges that meets a pooled
     * connection the server had closed is sent again on a new connection; no other is.
     */
    public final class Call {

        private final AtomicBoolean resent = new AtomicBoolean();

        private Call() {
        }

        /**
         * Subscribes to a new exchange from {@code exchanges} (a WebClient exchange on {@link #webClient}), and,
         * if it fails on a reused connection before any byte of response (or finds only closed connections in the
         * pool) and this call has not re-sent yet, subscribes to another on a new connection.
         */
        public <T> Flux<T> exchange(Supplier<? extends Publisher<T>> exchanges) {
            ExchangeAttempt attempt = new ExchangeAttempt(false);
            return Flux.defer(exchanges).contextWrite(Context.of(ExchangeAttempt.class, attempt))
                    .onErrorResume(failure -> {
                        if (!metClosedConnection(attempt, failure) || !resent.compareAndSet(false, true)) {
                            return Flux.error(failure);
                        }
                        log.debug("Provider '{}': a pooled connection had been closed ({}); sending the request"
                                + " again on a new connection", provider,
                                NestedExceptionUtils.getMostSpecificCause(failure).getMessage());
                        listener.onResend();
                        return Flux.defer(exchanges).contextWrite(Context.of(ExchangeAttempt.class,
                                new ExchangeAttempt(true)));
                    });
        }
    }

    /**
     * Whether {@code attempt} failed because the pooled connection it went out on had been closed by the server:
     * on a reused connection, of the connection itself, and before any byte of answer; or before it could be sent
     * at all, because the pool handed out closed connections only (Reactor Netty takes another connection once
     * when the one it acquired turns out closed, and fails with "Error while acquiring from" the pool when that one
     * is closed too, before a request is written).
     */
    private static boolean metClosedConnection(ExchangeAttempt attempt, Throwable failure) {
        if (!(failure instanceof WebClientRequestException)) {
            return false;
        }
        for (Throwable cause = failure.getCause(); cause != null; cause = cause.getCause() == cause ? null
                : cause.getCause()) {
            if (attempt.unansweredOnReusedConnection()
                    && (cause instanceof IOException || cause instanceof AbortedException)) {
                return true;
            }
            if (!attempt.wasSent() && cause instanceof IOException && cause.getMessage() != null
                    && cause.getMessage().startsWith(POOL_GAVE_CLOSED_CONNECTIONS)) {
                return true;
            }
        }
        return false;
    }

    /** Hands an exchange to the pooled connector, or to the one that opens a connection of its own. */
    private record Routing(ClientHttpConnector pooled, ClientHttpConnector unpooled) implements ClientHttpConnector {

        @Override
        public Mono<ClientHttpResponse> connect(HttpMethod method, URI uri,
                Function<? super ClientHttpRequest, Mono<Void>> requestCallback) {
            return Mono.deferContextual(context -> context.<ExchangeAttempt>getOrEmpty(ExchangeAttempt.class)
                    .filter(ExchangeAttempt::wantsNewConnection).isPresent()
                            ? unpooled.connect(method, uri, requestCallback)
                            : pooled.connect(method, uri, requestCallback));
        }
    }
}
