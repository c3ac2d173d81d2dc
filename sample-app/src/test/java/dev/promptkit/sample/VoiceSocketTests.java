/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.sample;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.promptkit.duplex.AudioChunk;
import dev.promptkit.duplex.AudioFormat;
import dev.promptkit.duplex.Pcm16;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.reactive.socket.CloseStatus;
import org.springframework.web.reactive.socket.WebSocketMessage;
import org.springframework.web.reactive.socket.WebSocketSession;
import reactor.core.publisher.Flux;
import tools.jackson.databind.JsonNode;

/**
 * {@code /api/voice} on the mock's duplex session: microphone audio and a commit get the scripted transcript, the
 * order lookup, spoken answers and two stored turns with tokens and cost; closing the socket closes the
 * conversation; frames that cannot be relayed get an error event and leave the socket usable.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = { "OPENAI_API_KEY=",
        "ANTHROPIC_API_KEY=", "GEMINI_API_KEY=", "GOOGLE_API_KEY=", "OLLAMA_HOST=", "promptkit.mock.chunk-delay=0ms" })
class VoiceSocketTests {

    private static final AudioChunk MICROPHONE = Pcm16.tone(AudioFormat.PCM16_16KHZ_MONO, Duration.ofMillis(200), 300);

    @LocalServerPort
    private int port;

    @Autowired
    private VoiceSessions sessions;

    @Test
    void aSpokenQuestionIsTranscribedLookedUpAnsweredInSpeechAndClosedWithTheSocket() {
        VoiceSocketClient client = new VoiceSocketClient(port);
        AtomicInteger liveWhileTalking = new AtomicInteger();
        int half = MICROPHONE.data().length / 2;

        client.talk(socket -> Flux.just(audio(socket, Arrays.copyOfRange(MICROPHONE.data(), 0, half)),
                audio(socket, Arrays.copyOfRange(MICROPHONE.data(), half, MICROPHONE.data().length)),
                socket.textMessage("{\"type\":\"commit\"}")), VoiceSocketClient.turns(2),
                () -> liveWhileTalking.set(sessions.count()));

        assertThat(client.events.get(0).path("type").asString()).isEqualTo("ready");
        assertThat(client.events.get(0).path("conversationId").asString()).isNotBlank();
        assertThat(client.text("input_transcript")).isEqualTo("Where is my order A-1001?");
        assertThat(client.ofType("tool_call")).singleElement().satisfies(call -> {
            assertThat(call.path("toolCall").path("name").asString()).isEqualTo("lookup_order");
            assertThat(call.path("toolCall").path("args").path("order_id").asString()).isEqualTo("A-1001");
        });
        assertThat(client.text("output_transcript")).startsWith("Let me look that order up.")
                .contains("Order A-1001 (a kettle and two mugs, $89.90) shipped");
        assertThat(client.audioFrames.get()).isPositive();
        assertThat(client.audioBytes.get() % 2).as("whole PCM16 samples").isZero();
        assertThat(client.audioBytes.get()).as("10 ms of 24 kHz speech per character").isGreaterThan(
                client.text("output_transcript").length() * 480 - 2 * client.audioFrames.get());
        JsonNode answer = client.ofType("turn_complete").get(1).path("turn");
        assertThat(answer.path("text").asString()).startsWith("Order A-1001");
        assertThat(answer.path("inputTokens").asLong()).isPositive();
        assertThat(answer.path("outputTokens").asLong()).isPositive();
        assertThat(answer.path("cost").asDouble()).isPositive();

        assertThat(liveWhileTalking.get()).isEqualTo(1);
        assertThat(client.awaitCloseStatus()).isEqualTo(CloseStatus.NORMAL);
        await().atMost(Duration.ofSeconds(10)).until(() -> sessions.count() == 0);
    }

    @Test
    void framesThatCannotBeRelayedGetAnErrorEventAndTheSocketStaysUsable() {
        VoiceSocketClient client = new VoiceSocketClient(port);
        AtomicReference<CloseStatus> closedByServer = new AtomicReference<>();

        client.talk(socket -> Flux.just(socket.textMessage("not json"), socket.textMessage("{\"type\":\"dance\"}"),
                audio(socket, new byte[] { 1, 2, 3 }), socket.textMessage("{\"type\":\"text\",\"text\":\" \"}"),
                socket.textMessage("{\"type\":\"text\",\"text\":\"Hello there\"}")), VoiceSocketClient.turns(1),
                () -> closedByServer.set(client.closeStatus.get()));

        assertThat(client.ofType("error")).extracting(event -> event.path("message").asString()).satisfiesExactly(
                message -> assertThat(message).contains("must be a JSON command", "{\"type\":\"commit\"}"),
                message -> assertThat(message).contains("Unknown command type dance"),
                message -> assertThat(message).contains("whole frames"),
                message -> assertThat(message).contains("must not be empty"));
        assertThat(client.text("output_transcript")).startsWith("Hello! I'm Ada from ACME support.");
        assertThat(closedByServer.get()).as("the server did not close the socket").isNull();
        assertThat(client.awaitCloseStatus()).isEqualTo(CloseStatus.NORMAL);
    }

    private static WebSocketMessage audio(WebSocketSession socket, byte[] pcm) {
        return socket.binaryMessage(buffers -> buffers.wrap(pcm));
    }
}
