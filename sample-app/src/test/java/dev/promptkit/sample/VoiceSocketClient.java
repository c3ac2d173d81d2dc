/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.sample;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.notNullValue;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.function.Predicate;
import org.springframework.web.reactive.socket.CloseStatus;
import org.springframework.web.reactive.socket.WebSocketMessage;
import org.springframework.web.reactive.socket.WebSocketSession;
import org.springframework.web.reactive.socket.client.ReactorNettyWebSocketClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A Reactor Netty WebSocket client of {@code /api/voice} for the tests: sends frames, records the JSON events and
 * the bytes of audio it receives until a condition on the events holds (or the server closes), then closes.
 */
final class VoiceSocketClient {

    final List<JsonNode> events = new CopyOnWriteArrayList<>();
    final AtomicInteger audioBytes = new AtomicInteger();
    final AtomicInteger audioFrames = new AtomicInteger();
    final AtomicReference<CloseStatus> closeStatus = new AtomicReference<>();

    private final URI uri;
    private final JsonMapper json = JsonMapper.shared();

    VoiceSocketClient(int port) {
        this.uri = URI.create("ws://127.0.0.1:" + port + VoiceSocketConfiguration.PATH);
    }

    /**
     * Opens a socket, sends what {@code frames} makes and reads; once {@code until} holds for the events received so
     * far, runs {@code meanwhile} (still connected) and closes the socket normally. Without {@code until} holding,
     * reads until the server closes.
     */
    void talk(Function<WebSocketSession, Flux<WebSocketMessage>> frames, Predicate<List<JsonNode>> until,
            Runnable meanwhile) {
        AtomicBoolean reached = new AtomicBoolean();
        new ReactorNettyWebSocketClient().execute(uri, socket -> {
            socket.closeStatus().subscribe(closeStatus::set);
            Mono<Void> receive = socket.receive().doOnNext(frame -> {
                record(frame);
                if (until.test(events) && reached.compareAndSet(false, true)) {
                    meanwhile.run();
                    socket.close().subscribe();
                }
            }).then();
            return Mono.when(socket.send(frames.apply(socket)), receive);
        }).block(Duration.ofSeconds(30));
    }

    /**
     * The status the socket closed with. The close status is reported on its own signal, which can arrive just after
     * {@link #talk} returns, so this waits for it (up to five seconds).
     */
    CloseStatus awaitCloseStatus() {
        return await().atMost(Duration.ofSeconds(5)).untilAtomic(closeStatus, notNullValue());
    }

    /** The text of every event of {@code type}, in order, joined. */
    String text(String type) {
        StringBuilder text = new StringBuilder();
        events.stream().filter(event -> type.equals(event.path("type").asString()))
                .forEach(event -> text.append(event.path("text").asString()));
        return text.toString();
    }

    List<JsonNode> ofType(String type) {
        return events.stream().filter(event -> type.equals(event.path("type").asString())).toList();
    }

    static Predicate<List<JsonNode>> turns(int count) {
        return events -> events.stream().filter(event -> "turn_complete".equals(event.path("type").asString()))
                .count() >= count;
    }

    private void record(WebSocketMessage frame) {
        if (frame.getType() == WebSocketMessage.Type.BINARY) {
            audioFrames.incrementAndGet();
            audioBytes.addAndGet(frame.getPayload().readableByteCount());
        }
        else {
            events.add(json.readTree(frame.getPayloadAsText()));
        }
    }
}
