/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.provider.realtime;

import dev.promptkit.duplex.DuplexSessionException;
import dev.promptkit.secret.SecretRedactor;
import io.netty.channel.ChannelOption;
import io.netty.handler.codec.http.websocketx.BinaryWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketClientHandshakeException;
import io.netty.handler.codec.http.websocketx.WebSocketCloseStatus;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import java.net.ConnectException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.core.publisher.SynchronousSink;
import reactor.netty.http.client.HttpClient;
import reactor.netty.http.client.WebsocketClientSpec;
import reactor.util.concurrent.Queues;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * One WebSocket connection to a realtime upstream that speaks JSON messages (OpenAI Realtime, Gemini Live),
 * over Reactor Netty. {@link #messages()} connects and emits every message the upstream sends, text or binary
 * frames alike; {@link #send} queues a message at once, sent in order once connected; {@link #close()} sends a close
 * frame after the queued messages and ends the connection.
 *
 * <p>{@link #messages()} completes when the session ends normally: closed here, or closed by the upstream with
 * status 1000. It fails with a {@link DuplexSessionException} naming the provider, with the upstream's secret
 * masked, when the handshake is refused (with the HTTP status), the connection cannot be made, the upstream
 * closes with another status (with its code and reason), the connection drops without a close frame, or a
 * message is not JSON.
 *
 * @since 0.1.0
 */
public final class RealtimeSocket {

    /** The largest message accepted, in bytes, whole or in continuation frames. */
    public static final int MAX_MESSAGE_BYTES = 16 * 1024 * 1024;

    /** How many messages may wait to be sent. */
    public static final int SEND_QUEUE_CAPACITY = 1024;

    private static final int NORMAL_CLOSURE = 1000;
    private static final Duration CLOSE_GRACE = Duration.ofSeconds(5);
    private static final int MAX_SHOWN_CHARS = 200;
    private static final JsonMapper JSON = JsonMapper.shared();

    private final RealtimeEndpoint endpoint;
    private final SecretRedactor redactor;
    private final Sinks.Many<String> outgoing =
            Sinks.many().unicast().onBackpressureBuffer(Queues.<String>get(SEND_QUEUE_CAPACITY).get());
    private final Sinks.Empty<Void> closeRequested = Sinks.empty();
    private volatile boolean closing;

    public RealtimeSocket(RealtimeEndpoint endpoint) {
        this.endpoint = endpoint;
        this.redactor = endpoint.redactor();
    }

    /** The endpoint this socket connects to. */
    public RealtimeEndpoint endpoint() {
        return endpoint;
    }

    /** Connects when subscribed (subscribe once) and emits the upstream's messages until the session ends. */
    public Flux<JsonNode> messages() {
        AtomicReference<WebSocketCloseStatus> closeStatus = new AtomicReference<>();
        int connectMillis = (int) Math.min(Integer.MAX_VALUE, endpoint.connectTimeout().toMillis());
        return HttpClient.newConnection()
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, connectMillis)
                .headers(headers -> endpoint.headers().forEach(headers::set))
                .websocket(WebsocketClientSpec.builder().maxFramePayloadLength(MAX_MESSAGE_BYTES).build())
                .uri(endpoint.uri())
                .handle((inbound, outbound) -> {
                    inbound.receiveCloseStatus().subscribe(closeStatus::set, ignored -> {
                        // no close frame: the connection dropped
                    });
                    outbound.sendString(outgoing.asFlux()).then()
                            .then(Mono.defer(() -> outbound.sendClose(NORMAL_CLOSURE, "session closed")))
                            .subscribe(null, ignored -> {
                                // a broken connection is reported by the receiving side
                            });
                    return inbound.aggregateFrames(MAX_MESSAGE_BYTES).receiveFrames()
                            .<JsonNode>handle(this::decode)
                            .takeUntilOther(closeRequested.asMono().then(Mono.delay(CLOSE_GRACE)))
                            .doFinally(signal -> completeOutgoing());
                })
                .concatWith(Mono.defer(() -> ended(closeStatus.get())))
                .onErrorMap(error -> !(error instanceof DuplexSessionException), this::failure);
    }

    /**
     * Queues a message now, behind those queued before.
     *
     * @throws DuplexSessionException when the socket is closed or too many messages wait already
     */
    public void send(JsonNode message) {
        String text = JSON.writeValueAsString(message);
        Sinks.EmitResult result;
        synchronized (outgoing) {
            result = outgoing.tryEmitNext(text);
        }
        if (result.isFailure()) {
            throw error(result == Sinks.EmitResult.FAIL_OVERFLOW ? "more than " + SEND_QUEUE_CAPACITY
                    + " messages wait to be sent" : "the session is closed", null);
        }
    }

    /** Sends what is queued, then a close frame, and ends the connection (at the latest 5 s later). Idempotent. */
    public void close() {
        closing = true;
        completeOutgoing();
        closeRequested.tryEmitEmpty();
    }

    /** A {@link DuplexSessionException} naming this socket's provider, with its credentials masked, causes too. */
    public DuplexSessionException error(String message, Throwable cause) {
        return new DuplexSessionException(endpoint.provider(), redactor.redact(message), redactor.redact(cause));
    }

    private void completeOutgoing() {
        synchronized (outgoing) {
            outgoing.tryEmitComplete();
        }
    }

    private void decode(WebSocketFrame frame, SynchronousSink<JsonNode> sink) {
        if (!(frame instanceof TextWebSocketFrame) && !(frame instanceof BinaryWebSocketFrame)) {
            return;
        }
        String text = frame.content().toString(StandardCharsets.UTF_8);
        try {
            sink.next(JSON.readTree(text));
        }
        catch (JacksonException notJson) {
            sink.error(error("the upstream sent a message that is not JSON: " + shortened(text), notJson));
        }
    }

    private Mono<JsonNode> ended(WebSocketCloseStatus status) {
        if (closing || (status != null && status.code() == NORMAL_CLOSURE)) {
            return Mono.empty();
        }
        if (status == null) {
            return Mono.error(error("the connection closed without a close frame", null));
        }
        String reason = status.reasonText() == null || status.reasonText().isBlank() ? "no reason given"
                : status.reasonText();
        return Mono.error(error("the upstream closed the session (status " + status.code() + "): " + reason, null));
    }

    private DuplexSessionException failure(Throwable error) {
        if (error instanceof WebSocketClientHandshakeException handshake && handshake.response() != null) {
            return error("the upstream refused the WebSocket handshake: HTTP " + handshake.response().status(), null);
        }
        if (error instanceof ConnectException || error.getCause() instanceof ConnectException) {
            return error("cannot connect to " + endpoint.uri().getHost() + ":" + endpoint.uri().getPort() + ": "
                    + error.getMessage(), error);
        }
        return error("the connection failed: " + error.getMessage(), error);
    }

    private static String shortened(String text) {
        return text.length() <= MAX_SHOWN_CHARS ? text : text.substring(0, MAX_SHOWN_CHARS) + "...";
    }
}
