/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.benchmarks.upstream;

import io.netty.handler.codec.http.HttpHeaderNames;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;
import reactor.netty.http.server.HttpServerRequest;
import reactor.netty.http.server.HttpServerResponse;

/**
 * The zero-hop ceiling: {@code POST /chat} with the benchmark apps' contract (one SSE {@code data:} event per text
 * chunk, then {@code data:[DONE]}) and the timeline a chat takes through the mock upstream, with no hop at all: the
 * tool-call stream's duration, the tool's delay, then the answer's chunks at the profile's pace. What an app
 * answering {@code /chat} could do at best in the same run. On a listener of its own, which keeps connections as long
 * as the client does (as the apps' servers do), whatever the upstream's {@link ServerConnectionPolicy}.
 */
final class ZeroHopChat {

    private final MockUpstream.Profile profile;
    private final Duration beforeFirstChunk;
    private final AtomicLong chats = new AtomicLong();

    ZeroHopChat(MockUpstream.Profile profile, int toolCallEvents) {
        this.profile = profile;
        // the tool-call stream (its first event after the first-chunk delay, each next one after the inter-chunk
        // delay), then the tool, then the answer's first chunk
        this.beforeFirstChunk = profile.firstChunkDelay()
                .plus(profile.interChunkDelay().multipliedBy(toolCallEvents - 1L))
                .plus(profile.toolDelay())
                .plus(profile.firstChunkDelay());
    }

    DisposableServer start(String host, int port) {
        return HttpServer.create().host(host).port(port)
                .route(routes -> routes.post("/chat", this::chat)
                        .get("/health", (request, response) -> response.sendString(Mono.just("{\"status\":\"UP\"}"))))
                .bindNow();
    }

    long chats() {
        return chats.get();
    }

    private Publisher<Void> chat(HttpServerRequest request, HttpServerResponse response) {
        chats.incrementAndGet();
        Flux<String> answer = Flux.range(1, profile.chunkCount()).concatMap(i -> Mono.delay(
                i == 1 ? beforeFirstChunk : profile.interChunkDelay()).thenReturn("data:chunk-" + i + " \n\n"));
        return request.receive().then().then(response.header(HttpHeaderNames.CONTENT_TYPE, "text/event-stream")
                .header(HttpHeaderNames.CACHE_CONTROL, "no-cache")
                .sendString(answer.concatWith(Mono.just("data:[DONE]\n\n"))).then());
    }
}
