/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.benchmarks.app;

import dev.promptkit.provider.PooledConnectionEviction;
import dev.promptkit.spring.PromptTool;
import dev.promptkit.spring.ToolParam;
import java.time.Duration;
import java.util.Map;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Profile;
import org.springframework.http.MediaType;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;

/**
 * Answers the pack's {@code lookup_order} by calling the mock upstream's {@code POST /tool} over HTTP, with
 * Boot's {@link WebClient} (Reactor Netty); the returned {@link Mono} keeps the call off any thread while it waits.
 * The app's default; the {@code blocking} profile answers with {@link BlockingOrderTool} instead.
 *
 * <p>Its connection pool is its own: the size of Reactor Netty's default (500, as many again waiting), with the
 * eviction test of PromptKit's own pools: it closes connections idle for 20 s (the default pool never closes an
 * idle connection, so after a load it would keep every connection the busiest moment opened, and the soak test could
 * not tell them from a leak) and never hands out one the upstream has already closed.
 */
@Component
@Profile("!blocking")
class OrderTool implements DisposableBean {

    private static final Duration MAX_IDLE_TIME = Duration.ofSeconds(20);

    private final ConnectionProvider pool = ConnectionProvider.builder("order-tool")
            .maxConnections(500)
            .pendingAcquireMaxCount(1000)
            // as the README advises for your own WebClients: never a connection the server closed, nor one idle 20 s
            .evictionPredicate(new PooledConnectionEviction(MAX_IDLE_TIME))
            .evictInBackground(MAX_IDLE_TIME.dividedBy(2))
            .build();
    private final WebClient orders;

    OrderTool(WebClient.Builder webClients, @Value("${benchmark.tool-url:http://127.0.0.1:18081}") String toolUrl) {
        this.orders = webClients.clientConnector(new ReactorClientHttpConnector(HttpClient.create(pool)))
                .baseUrl(toolUrl).build();
    }

    @PromptTool("lookup_order")
    Mono<String> lookup(@ToolParam("order_id") String orderId) {
        return orders.post().uri("/tool").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("order_id", orderId))
                .retrieve()
                .bodyToMono(String.class);
    }

    @Override
    public void destroy() {
        pool.dispose();
    }
}
