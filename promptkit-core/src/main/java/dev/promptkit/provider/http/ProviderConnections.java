/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.provider.http;

import io.netty.channel.ChannelOption;
import java.time.Duration;
import org.springframework.http.client.reactive.ClientHttpConnector;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;

/**
 * The connections of one provider: a Reactor Netty pool of its own, so that a busy provider never takes
 * another's connections, behind Spring's {@link ReactorClientHttpConnector}. The pool holds at most
 * {@link HttpProviderSettings#maxConnections()} connections and lets as many requests again wait for one;
 * it closes connections idle for 20 s, before servers and load balancers commonly drop them, and retires any
 * connection after 5 minutes, so that DNS changes are followed. Connections are opened within the settings'
 * connect timeout and speak HTTP/1.1. {@link #close()} disposes the pool.
 */
final class ProviderConnections implements AutoCloseable {

    private static final Duration MAX_IDLE_TIME = Duration.ofSeconds(20);
    private static final Duration MAX_LIFE_TIME = Duration.ofMinutes(5);

    private final ConnectionProvider pool;
    private final ClientHttpConnector connector;
    private volatile boolean closed;

    ProviderConnections(String provider, HttpProviderSettings settings) {
        this.pool = ConnectionProvider.builder("promptkit-" + provider)
                .maxConnections(settings.maxConnections())
                .pendingAcquireMaxCount(2 * settings.maxConnections())
                .maxIdleTime(MAX_IDLE_TIME)
                .maxLifeTime(MAX_LIFE_TIME)
                .evictInBackground(MAX_IDLE_TIME)
                .build();
        int connectMillis = (int) Math.min(Integer.MAX_VALUE, settings.connectTimeout().toMillis());
        this.connector = new ReactorClientHttpConnector(HttpClient.create(pool)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, connectMillis));
    }

    ClientHttpConnector connector() {
        return connector;
    }

    /** Whether {@link #close()} was called. */
    boolean isClosed() {
        return closed;
    }

    /** Closes the pooled connections. */
    @Override
    public void close() {
        closed = true;
        pool.dispose();
    }
}
