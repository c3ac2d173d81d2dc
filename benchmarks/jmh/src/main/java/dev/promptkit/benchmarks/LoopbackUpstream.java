/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.benchmarks;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.HttpHeaderNames;
import java.util.List;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Sinks;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;
import reactor.netty.resources.LoopResources;

/**
 * OpenAI's {@code POST /v1/chat/completions} on 127.0.0.1, in this JVM on an event loop of its own. Every
 * request is answered with the same server-sent events body, given as a list of writes (one per event, as
 * OpenAI streams, or any other split) that are each written and flushed as one HTTP chunk, without delay,
 * except that a holding upstream sends only its first writes until {@link #release()}.
 */
final class LoopbackUpstream implements AutoCloseable {

    private final Sinks.Empty<Void> released = Sinks.empty();
    private final LoopResources loop = LoopResources.create("loopback-upstream", 1, true);
    private final DisposableServer server;

    private LoopbackUpstream(List<byte[]> writes, int sentBeforeRelease) {
        Flux<ByteBuf> head = buffers(writes.subList(0, sentBeforeRelease));
        Flux<ByteBuf> tail = released.asMono().thenMany(buffers(writes.subList(sentBeforeRelease, writes.size())));
        this.server = HttpServer.create().host("127.0.0.1").port(0).runOn(loop)
                .route(routes -> routes.post("/v1/chat/completions", (request, response) -> request.receive().then()
                        .then(response.header(HttpHeaderNames.CONTENT_TYPE, "text/event-stream")
                                .send(head.concatWith(tail), each -> true).then())))
                .bindNow();
    }

    /** An upstream that sends every write at once. */
    static LoopbackUpstream streaming(List<byte[]> writes) {
        LoopbackUpstream upstream = new LoopbackUpstream(writes, writes.size());
        upstream.release();
        return upstream;
    }

    /** An upstream that sends the first {@code count} writes at once, and the others after {@link #release()}. */
    static LoopbackUpstream holdingAfter(List<byte[]> writes, int count) {
        return new LoopbackUpstream(writes, count);
    }

    /** The API root, for a provider's base URL: {@code http://127.0.0.1:<port>/v1}. */
    String baseUrl() {
        return "http://127.0.0.1:" + server.port() + "/v1";
    }

    /** Lets every held response, and every later one, send the rest of its writes. */
    void release() {
        released.tryEmitEmpty();
    }

    @Override
    public void close() {
        server.disposeNow();
        loop.disposeLater().block();
    }

    private static Flux<ByteBuf> buffers(List<byte[]> writes) {
        return Flux.fromIterable(writes).map(Unpooled::wrappedBuffer);
    }
}
