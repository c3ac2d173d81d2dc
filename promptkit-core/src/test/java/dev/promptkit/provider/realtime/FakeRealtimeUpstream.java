/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.provider.realtime;

import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.websocketx.BinaryWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.netty.Connection;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A realtime upstream on loopback for tests: a Reactor Netty WebSocket server on one path that records what
 * the client sends and sends what the test tells it to, as the vendor would (text or binary frames, a close
 * frame with a status, a dropped connection), or refuses the handshake with an HTTP status. One client at a
 * time.
 */
public final class FakeRealtimeUpstream implements AutoCloseable {

    private static final Duration WAIT = Duration.ofSeconds(10);

    private final BlockingQueue<JsonNode> received = new LinkedBlockingQueue<>();
    private final CompletableFuture<Handshake> handshake = new CompletableFuture<>();
    private final CompletableFuture<Connection> connection = new CompletableFuture<>();
    private final Sinks.Many<WebSocketFrame> outgoing = Sinks.many().unicast().onBackpressureBuffer();
    private final DisposableServer server;
    private volatile int refusalStatus;
    private volatile String refusalBody;

    /** What the client's handshake request held. */
    public record Handshake(String uri, HttpHeaders headers) {
    }

    private FakeRealtimeUpstream(String path) {
        this.server = HttpServer.create().host("127.0.0.1").port(0)
                .route(routes -> routes.get(path, (request, response) -> {
                    handshake.complete(new Handshake(request.uri(), request.requestHeaders().copy()));
                    if (refusalStatus != 0) {
                        return response.status(HttpResponseStatus.valueOf(refusalStatus))
                                .header("content-type", "application/json").sendString(Mono.just(refusalBody));
                    }
                    return response.sendWebsocket((in, out) -> {
                        in.withConnection(connection::complete);
                        out.sendObject(outgoing.asFlux()).then().subscribe(null, ignored -> {
                        });
                        return in.aggregateFrames().receiveFrames()
                                .doOnNext(frame -> received.add(JsonMapper.shared().readTree(
                                        frame.content().toString(StandardCharsets.UTF_8))))
                                .then();
                    });
                }))
                .bindNow();
    }

    /** Starts an upstream that speaks WebSocket on {@code path}. */
    public static FakeRealtimeUpstream start(String path) {
        return new FakeRealtimeUpstream(path);
    }

    /** {@code http://127.0.0.1:<port>} followed by {@code path}. */
    public String url(String path) {
        return "http://127.0.0.1:" + server.port() + path;
    }

    /** Refuses the next handshake with {@code status} and {@code body}. */
    public void refuseHandshake(int status, String body) {
        this.refusalStatus = status;
        this.refusalBody = body;
    }

    /** The handshake of the client, once it connected. */
    public Handshake handshake() {
        return handshake.orTimeout(WAIT.toSeconds(), TimeUnit.SECONDS).join();
    }

    /** The next message the client sent, waiting for it. */
    public JsonNode nextMessage() {
        try {
            JsonNode message = received.poll(WAIT.toSeconds(), TimeUnit.SECONDS);
            if (message == null) {
                throw new AssertionError("the client sent nothing within " + WAIT.toSeconds() + " s");
            }
            return message;
        }
        catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new AssertionError(interrupted);
        }
    }

    /** The next message of type {@code type} (OpenAI's {@code type} field), skipping others. */
    public JsonNode nextMessageOfType(String type) {
        while (true) {
            JsonNode message = nextMessage();
            if (type.equals(message.path("type").asString(""))) {
                return message;
            }
        }
    }

    /** Sends JSON in a text frame. */
    public void send(String json) {
        outgoing.tryEmitNext(new TextWebSocketFrame(json));
    }

    /** Sends JSON in a binary frame, as Gemini Live does. */
    public void sendBinary(String json) {
        outgoing.tryEmitNext(new BinaryWebSocketFrame(Unpooled.copiedBuffer(json, StandardCharsets.UTF_8)));
    }

    /** Ends the session with a close frame. */
    public void closeWith(int status, String reason) {
        connection.orTimeout(WAIT.toSeconds(), TimeUnit.SECONDS).join();
        outgoing.tryEmitNext(new io.netty.handler.codec.http.websocketx.CloseWebSocketFrame(status, reason));
    }

    /** Drops the connection without a close frame. */
    public void drop() {
        connection.orTimeout(WAIT.toSeconds(), TimeUnit.SECONDS).join().channel().close();
    }

    @Override
    public void close() {
        server.disposeNow();
    }
}
