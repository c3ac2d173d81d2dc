/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.provider.openai;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.promptkit.duplex.AudioChunk;
import dev.promptkit.duplex.AudioFormat;
import dev.promptkit.duplex.DuplexSessionException;
import dev.promptkit.duplex.Pcm16;
import dev.promptkit.event.Event;
import dev.promptkit.event.EventBus;
import dev.promptkit.event.Phase;
import dev.promptkit.event.ProviderCallEvent;
import dev.promptkit.pack.Pack;
import dev.promptkit.pack.PackLoader;
import dev.promptkit.provider.http.HttpProviderSettings;
import dev.promptkit.provider.realtime.FakeRealtimeUpstream;
import dev.promptkit.sdk.Conversation;
import dev.promptkit.sdk.DuplexConversation;
import dev.promptkit.sdk.ConversationOptions;
import dev.promptkit.sdk.DuplexOptions;
import dev.promptkit.sdk.PromptKit;
import dev.promptkit.sdk.StreamChunk;
import dev.promptkit.state.InMemoryStateStore;
import dev.promptkit.types.Message;
import dev.promptkit.types.Role;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;
import tools.jackson.databind.JsonNode;

/** OpenAI Realtime over WebSocket against a fake upstream that checks the client events and sends OpenAI's. */
class OpenAiRealtimeTests {

    private static final String KEY = "sk-test-secret-key";
    private static final Pack PACK = PackLoader.load(Path.of("src/test/resources/duplex/voice.pack.json"));
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final FakeRealtimeUpstream upstream = FakeRealtimeUpstream.start("/v1/realtime");
    private final InMemoryStateStore store = new InMemoryStateStore();
    private final EventBus bus = EventBus.create();
    private final List<Event> events = new CopyOnWriteArrayList<>();

    @AfterEach
    void stopUpstream() {
        upstream.close();
    }

    private ConversationOptions.Builder options() {
        bus.subscribeSynchronous(events::add);
        OpenAiProvider openai = OpenAiProvider.builder().settings(HttpProviderSettings.builder()
                .baseUrl(upstream.url("/v1")).apiKey(KEY).build()).build();
        return ConversationOptions.builder().provider(openai).stateStore(store).eventBus(bus)
                .variable("user_name", "Ada");
    }

    /** Opens the conversation while the fake upstream confirms the setup; returns the session.update. */
    private DuplexConversation open(ConversationOptions options, JsonNode[] sessionUpdate) {
        CompletableFuture<DuplexConversation> opening = PromptKit.openDuplexAsync(PACK, "voice", options).toFuture();
        upstream.send("{\"type\":\"session.created\",\"event_id\":\"ev_1\",\"session\":{\"type\":\"realtime\"}}");
        sessionUpdate[0] = upstream.nextMessageOfType("session.update");
        upstream.send("{\"type\":\"session.updated\",\"event_id\":\"ev_2\",\"session\":{\"type\":\"realtime\"}}");
        return opening.orTimeout(TIMEOUT.toSeconds(), TimeUnit.SECONDS).join();
    }

    @Test
    void aVoiceRoundTripCallsAToolMidSessionAndStoresTheTranscript() {
        JsonNode[] update = new JsonNode[1];
        DuplexConversation chat = open(options().duplex(DuplexOptions.DEFAULTS.withVoice("marin")).build(), update);
        AtomicInteger toolRuns = new AtomicInteger();
        chat.onTool("get_weather", arguments -> {
            toolRuns.incrementAndGet();
            return Map.of("forecast", "sunny", "city", arguments.get("city"));
        });

        FakeRealtimeUpstream.Handshake handshake = upstream.handshake();
        assertThat(handshake.uri()).isEqualTo("/v1/realtime?model=gpt-realtime");
        assertThat(handshake.headers().get("Authorization")).isEqualTo("Bearer " + KEY);
        JsonNode session = update[0].path("session");
        assertThat(session.path("type").asString()).isEqualTo("realtime");
        assertThat(session.path("instructions").asString()).isEqualTo("You are a voice assistant for Ada. Answer briefly.");
        assertThat(session.path("output_modalities").toString()).isEqualTo("[\"audio\"]");
        assertThat(session.at("/audio/input/format").toString()).isEqualTo("{\"type\":\"audio/pcm\",\"rate\":24000}");
        assertThat(session.at("/audio/input/turn_detection/type").asString()).isEqualTo("server_vad");
        assertThat(session.at("/audio/input/transcription/model").asString()).isEqualTo("whisper-1");
        assertThat(session.at("/audio/output/format/rate").asInt()).isEqualTo(24000);
        assertThat(session.at("/audio/output/voice").asString()).isEqualTo("marin");
        assertThat(session.path("tools")).hasSize(1);
        JsonNode tool = session.path("tools").get(0);
        assertThat(tool.path("type").asString()).isEqualTo("function");
        assertThat(tool.path("name").asString()).isEqualTo("get_weather");
        assertThat(tool.path("description").asString()).isEqualTo("Get the current weather for a city");
        assertThat(tool.at("/parameters/required/0").asString()).isEqualTo("city");
        assertThat(session.path("tool_choice").asString()).isEqualTo("auto");
        assertThat(session.path("max_output_tokens").asInt()).isEqualTo(200);

        AtomicInteger turns = new AtomicInteger();
        CompletableFuture<List<StreamChunk>> response = chat.response()
                .takeUntil(chunk -> chunk.type() == StreamChunk.Type.TURN_COMPLETE && turns.incrementAndGet() == 2)
                .collectList().toFuture();

        chat.sendChunk(Pcm16.tone(AudioFormat.PCM16_16KHZ_MONO, Duration.ofMillis(100), 300));
        JsonNode append = upstream.nextMessageOfType("input_audio_buffer.append");
        assertThat(new AudioChunk(Base64.getDecoder().decode(append.path("audio").asString()),
                AudioFormat.PCM16_24KHZ_MONO).durationMillis())
                .as("100 ms at 24 kHz, but for the resampler's lag of a millisecond, sent with the next chunk")
                .isCloseTo(100, within(1.5));

        upstream.send("{\"type\":\"input_audio_buffer.speech_started\",\"event_id\":\"ev_3\",\"audio_start_ms\":20,"
                + "\"item_id\":\"item_1\"}");
        upstream.send("{\"type\":\"input_audio_buffer.committed\",\"event_id\":\"ev_4\",\"item_id\":\"item_1\"}");
        upstream.send("{\"type\":\"conversation.item.input_audio_transcription.completed\",\"event_id\":\"ev_5\","
                + "\"item_id\":\"item_1\",\"content_index\":0,\"transcript\":\"What's the weather in Paris?\"}");
        upstream.send("{\"type\":\"response.created\",\"event_id\":\"ev_6\",\"response\":{\"id\":\"resp_1\","
                + "\"status\":\"in_progress\"}}");
        upstream.send("{\"type\":\"response.output_item.added\",\"event_id\":\"ev_7\",\"response_id\":\"resp_1\","
                + "\"output_index\":0,\"item\":{\"id\":\"item_2\",\"type\":\"function_call\",\"call_id\":\"call_1\","
                + "\"name\":\"get_weather\",\"arguments\":\"\"}}");
        upstream.send("{\"type\":\"response.function_call_arguments.delta\",\"event_id\":\"ev_8\","
                + "\"response_id\":\"resp_1\",\"item_id\":\"item_2\",\"call_id\":\"call_1\",\"delta\":\"{\\\"city\\\"\"}");
        upstream.send("{\"type\":\"response.function_call_arguments.done\",\"event_id\":\"ev_9\","
                + "\"response_id\":\"resp_1\",\"item_id\":\"item_2\",\"output_index\":0,\"call_id\":\"call_1\","
                + "\"name\":\"get_weather\",\"arguments\":\"{\\\"city\\\":\\\"Paris\\\"}\"}");
        upstream.send("{\"type\":\"response.done\",\"event_id\":\"ev_10\",\"response\":{\"id\":\"resp_1\","
                + "\"status\":\"completed\",\"usage\":{\"total_tokens\":140,\"input_tokens\":120,\"output_tokens\":20,"
                + "\"input_token_details\":{\"cached_tokens\":40,\"text_tokens\":60,\"audio_tokens\":60},"
                + "\"output_token_details\":{\"text_tokens\":20,\"audio_tokens\":0}}}}");

        JsonNode output = upstream.nextMessageOfType("conversation.item.create");
        assertThat(output.at("/item/type").asString()).isEqualTo("function_call_output");
        assertThat(output.at("/item/call_id").asString()).isEqualTo("call_1");
        assertThat(output.at("/item/output").asString()).contains("\"forecast\":\"sunny\"").contains("Paris");
        assertThat(upstream.nextMessage().path("type").asString()).isEqualTo("response.create");

        byte[] speech = Pcm16.tone(AudioFormat.PCM16_24KHZ_MONO, Duration.ofMillis(20), 220).data();
        upstream.send("{\"type\":\"response.created\",\"event_id\":\"ev_11\",\"response\":{\"id\":\"resp_2\"}}");
        upstream.send("{\"type\":\"response.output_audio_transcript.delta\",\"event_id\":\"ev_12\","
                + "\"response_id\":\"resp_2\",\"delta\":\"It is sunny\"}");
        upstream.send("{\"type\":\"response.output_audio.delta\",\"event_id\":\"ev_13\",\"response_id\":\"resp_2\","
                + "\"delta\":\"" + Base64.getEncoder().encodeToString(speech) + "\"}");
        upstream.send("{\"type\":\"response.output_audio_transcript.delta\",\"event_id\":\"ev_14\","
                + "\"response_id\":\"resp_2\",\"delta\":\" in Paris.\"}");
        upstream.send("{\"type\":\"response.done\",\"event_id\":\"ev_15\",\"response\":{\"id\":\"resp_2\","
                + "\"status\":\"completed\",\"usage\":{\"total_tokens\":230,\"input_tokens\":180,\"output_tokens\":50,"
                + "\"input_token_details\":{\"cached_tokens\":0}}}}");

        List<StreamChunk> chunks = response.orTimeout(TIMEOUT.toSeconds(), TimeUnit.SECONDS).join();
        assertThat(chunks).extracting(StreamChunk::type).containsSubsequence(StreamChunk.Type.INTERRUPTED,
                StreamChunk.Type.INPUT_TRANSCRIPT, StreamChunk.Type.TOOL_CALL, StreamChunk.Type.TURN_COMPLETE,
                StreamChunk.Type.OUTPUT_TRANSCRIPT, StreamChunk.Type.AUDIO, StreamChunk.Type.OUTPUT_TRANSCRIPT,
                StreamChunk.Type.TURN_COMPLETE);
        assertThat(chunks).filteredOn(chunk -> chunk.type() == StreamChunk.Type.AUDIO).singleElement()
                .satisfies(chunk -> {
                    assertThat(chunk.audio().data()).isEqualTo(speech);
                    assertThat(chunk.audio().format()).isEqualTo(AudioFormat.PCM16_24KHZ_MONO);
                });
        assertThat(chunks.get(chunks.size() - 1).response().text()).isEqualTo("It is sunny in Paris.");
        assertThat(toolRuns).hasValue(1);

        List<Message> messages = chat.messages();
        assertThat(messages).extracting(Message::role).containsExactly(Role.USER, Role.ASSISTANT, Role.TOOL,
                Role.ASSISTANT);
        assertThat(messages.get(0).text()).isEqualTo("What's the weather in Paris?");
        assertThat(messages.get(1).toolCalls()).singleElement().satisfies(call -> {
            assertThat(call.id()).isEqualTo("call_1");
            assertThat(call.arguments()).isEqualTo(Map.of("city", "Paris"));
        });
        assertThat(messages.get(1).costInfo().inputTokens()).isEqualTo(80);
        assertThat(messages.get(1).costInfo().cachedTokens()).isEqualTo(40);
        assertThat(messages.get(2).toolResult().id()).isEqualTo("call_1");
        assertThat(messages.get(3).text()).isEqualTo("It is sunny in Paris.");
        assertThat(messages.get(3).costInfo().outputTokens()).isEqualTo(50);
        assertThat(events).filteredOn(ProviderCallEvent.class::isInstance).map(ProviderCallEvent.class::cast)
                .filteredOn(event -> event.phase() == Phase.COMPLETED)
                .extracting(event -> event.provider() + "/" + event.model() + "/" + event.cost().outputTokens())
                .containsExactly("openai/gpt-realtime/20", "openai/gpt-realtime/50");
        chat.close();
        StepVerifier.create(chat.done()).expectComplete().verify(TIMEOUT);
        assertThat(chat.sessionError()).isEmpty();
    }

    @Test
    void textIsSentAsAUserItemAndAResponseRequest() {
        JsonNode[] update = new JsonNode[1];
        DuplexConversation chat = open(options().duplex(DuplexOptions.DEFAULTS.textOnly()).build(), update);
        assertThat(update[0].at("/session/output_modalities").toString()).isEqualTo("[\"text\"]");
        CompletableFuture<List<StreamChunk>> response = chat.response()
                .takeUntil(chunk -> chunk.type() == StreamChunk.Type.TURN_COMPLETE).collectList().toFuture();

        chat.sendText("Hello!");

        JsonNode item = upstream.nextMessageOfType("conversation.item.create").path("item");
        assertThat(item.toString()).isEqualTo("{\"type\":\"message\",\"role\":\"user\",\"content\":"
                + "[{\"type\":\"input_text\",\"text\":\"Hello!\"}]}");
        assertThat(upstream.nextMessage().path("type").asString()).isEqualTo("response.create");
        upstream.send("{\"type\":\"response.created\",\"response\":{\"id\":\"resp_1\"}}");
        upstream.send("{\"type\":\"response.output_text.delta\",\"delta\":\"Hi \"}");
        upstream.send("{\"type\":\"response.output_text.delta\",\"delta\":\"Ada!\"}");
        upstream.send("{\"type\":\"response.done\",\"response\":{\"id\":\"resp_1\",\"status\":\"completed\"}}");

        List<StreamChunk> chunks = response.orTimeout(TIMEOUT.toSeconds(), TimeUnit.SECONDS).join();
        assertThat(chunks).extracting(StreamChunk::type).containsExactly(StreamChunk.Type.TEXT,
                StreamChunk.Type.TEXT, StreamChunk.Type.TURN_COMPLETE);
        assertThat(chat.messages()).extracting(Message::text).containsExactly("Hello!", "Hi Ada!");

        chat.triggerStart();
        assertThat(upstream.nextMessage().path("type").asString()).isEqualTo("response.create");
        chat.close();
    }

    @Test
    void aRefusedHandshakeFailsTheOpeningWithTheStatusAndWithoutTheKey() {
        upstream.refuseHandshake(401, "{\"error\":{\"message\":\"Incorrect API key provided: " + KEY + "\"}}");

        assertThatThrownBy(() -> PromptKit.openDuplex(PACK, "voice", options().build()))
                .isInstanceOf(DuplexSessionException.class)
                .hasMessageContaining("'openai'").hasMessageContaining("401")
                .satisfies(error -> assertThat(error.toString()).doesNotContain(KEY))
                .extracting(error -> ((DuplexSessionException) error).provider()).isEqualTo("openai");
    }

    @Test
    void anErrorEventEndsTheSessionWithTheMessageAndTheKeyMasked() {
        DuplexConversation chat = open(options().build(), new JsonNode[1]);
        StepVerifier.FirstStep<StreamChunk> response = StepVerifier.create(chat.response());

        upstream.send("{\"type\":\"error\",\"event_id\":\"ev_9\",\"error\":{\"type\":\"invalid_request_error\","
                + "\"code\":\"invalid_api_key\",\"message\":\"Incorrect API key provided: " + KEY + "\"}}");

        response.expectErrorSatisfies(error -> assertThat(error).isInstanceOf(DuplexSessionException.class)
                .hasMessageContaining("invalid_api_key: Incorrect API key provided: [redacted]")
                .hasMessageNotContaining(KEY)).verify(TIMEOUT);
        StepVerifier.create(chat.done()).expectComplete().verify(TIMEOUT);
        assertThat(chat.sessionError()).get().isInstanceOf(DuplexSessionException.class);
        assertThatThrownBy(() -> chat.sendText("Still there?")).isInstanceOf(DuplexSessionException.class)
                .hasMessageContaining("ended");
    }

    @Test
    void anUpstreamThatNeverConfirmsTheSetupFailsTheOpeningAfterTheIdleTimeout() {
        OpenAiProvider silent = OpenAiProvider.builder().settings(HttpProviderSettings.builder()
                .baseUrl(upstream.url("/v1")).apiKey(KEY).idleTimeout(Duration.ofMillis(300)).build()).build();

        assertThatThrownBy(() -> PromptKit.openDuplex(PACK, "voice", options().provider(silent).build()))
                .isInstanceOf(DuplexSessionException.class)
                .hasMessageContaining("did not confirm the session setup within 300 ms");
        assertThat(upstream.nextMessage().path("type").asString()).isEqualTo("session.update");
    }

    @Test
    void anAbruptCloseEndsTheSessionWithAnError() {
        DuplexConversation chat = open(options().build(), new JsonNode[1]);

        upstream.drop();

        StepVerifier.create(chat.done()).expectComplete().verify(TIMEOUT);
        assertThat(chat.sessionError()).get().isInstanceOf(DuplexSessionException.class).asString()
                .contains("'openai'").contains("closed without a close frame");
    }
}
