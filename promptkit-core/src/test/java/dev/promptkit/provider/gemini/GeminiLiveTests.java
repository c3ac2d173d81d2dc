/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.provider.gemini;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.promptkit.duplex.AudioChunk;
import dev.promptkit.duplex.AudioFormat;
import dev.promptkit.duplex.DuplexSessionException;
import dev.promptkit.duplex.ImageFrame;
import dev.promptkit.duplex.Pcm16;
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
import dev.promptkit.test.TraceLogCapture;
import dev.promptkit.types.Message;
import dev.promptkit.types.Role;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import reactor.test.StepVerifier;
import tools.jackson.databind.JsonNode;

/** Gemini Live over WebSocket against a fake upstream that checks the client messages and sends Gemini's. */
class GeminiLiveTests {

    private static final String KEY = "AIza-test-secret-key";

    @RegisterExtension
    final TraceLogCapture logs = new TraceLogCapture();
    private static final String PATH = "/ws/google.ai.generativelanguage.v1beta.GenerativeService.BidiGenerateContent";
    private static final Pack PACK = PackLoader.load(Path.of("src/test/resources/duplex/voice.pack.json"));
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final FakeRealtimeUpstream upstream = FakeRealtimeUpstream.start(PATH);
    private final InMemoryStateStore store = new InMemoryStateStore();

    @AfterEach
    void stopUpstream() {
        upstream.close();
    }

    private ConversationOptions.Builder options() {
        GeminiProvider gemini = GeminiProvider.builder().settings(HttpProviderSettings.builder()
                .baseUrl(upstream.url("/v1beta")).apiKey(KEY).build()).build();
        return ConversationOptions.builder().provider(gemini).stateStore(store).variable("user_name", "Ada")
                .model("gemini-live-test").duplex(DuplexOptions.DEFAULTS.withVoice("Kore"));
    }

    /** Opens the conversation while the fake upstream confirms the setup; returns the setup message. */
    private DuplexConversation open(ConversationOptions options, JsonNode[] setup) {
        CompletableFuture<DuplexConversation> opening = PromptKit.openDuplexAsync(PACK, "voice", options).toFuture();
        setup[0] = upstream.nextMessage();
        upstream.sendBinary("{\"setupComplete\":{}}");
        return opening.orTimeout(TIMEOUT.toSeconds(), TimeUnit.SECONDS).join();
    }

    @Test
    void aVoiceRoundTripCallsAToolMidSessionAndStoresTheTranscript() {
        JsonNode[] setupMessage = new JsonNode[1];
        DuplexConversation chat = open(options().build(), setupMessage);
        chat.onTool("get_weather", arguments -> Map.of("forecast", "sunny", "city", arguments.get("city")));

        FakeRealtimeUpstream.Handshake handshake = upstream.handshake();
        assertThat(handshake.uri()).isEqualTo(PATH);
        assertThat(handshake.headers().get("x-goog-api-key")).isEqualTo(KEY);
        JsonNode setup = setupMessage[0].path("setup");
        assertThat(setup.path("model").asString()).isEqualTo("models/gemini-live-test");
        assertThat(setup.at("/generationConfig/responseModalities").toString()).isEqualTo("[\"AUDIO\"]");
        assertThat(setup.at("/generationConfig/speechConfig/voiceConfig/prebuiltVoiceConfig/voiceName").asString())
                .isEqualTo("Kore");
        assertThat(setup.at("/generationConfig/maxOutputTokens").asInt()).isEqualTo(200);
        assertThat(setup.at("/systemInstruction/parts/0/text").asString())
                .isEqualTo("You are a voice assistant for Ada. Answer briefly.");
        JsonNode declaration = setup.at("/tools/0/functionDeclarations/0");
        assertThat(declaration.path("name").asString()).isEqualTo("get_weather");
        assertThat(declaration.at("/parameters/type").asString()).isEqualTo("OBJECT");
        assertThat(declaration.at("/parameters/properties/city/type").asString()).isEqualTo("STRING");
        assertThat(setup.path("inputAudioTranscription").isObject()).isTrue();
        assertThat(setup.path("outputAudioTranscription").isObject()).isTrue();

        CompletableFuture<List<StreamChunk>> response = chat.response()
                .takeUntil(chunk -> chunk.type() == StreamChunk.Type.TURN_COMPLETE).collectList().toFuture();

        AudioChunk microphone = Pcm16.tone(AudioFormat.PCM16_16KHZ_MONO, Duration.ofMillis(40), 300);
        chat.sendChunk(microphone);
        JsonNode audio = upstream.nextMessage().at("/realtimeInput/audio");
        assertThat(audio.path("mimeType").asString()).isEqualTo("audio/pcm;rate=16000");
        assertThat(Base64.getDecoder().decode(audio.path("data").asString())).isEqualTo(microphone.data());
        chat.sendFrame(new ImageFrame(new byte[] {(byte) 0xFF, (byte) 0xD8, 1}, "image/jpeg", 2, 2, 0));
        JsonNode video = upstream.nextMessage().at("/realtimeInput/video");
        assertThat(video.toString()).isEqualTo("{\"data\":\"/9gB\",\"mimeType\":\"image/jpeg\"}");

        upstream.sendBinary("{\"serverContent\":{\"inputTranscription\":{\"text\":\"Weather in \"}}}");
        upstream.sendBinary("{\"serverContent\":{\"inputTranscription\":{\"text\":\"Paris?\",\"finished\":true}}}");
        upstream.sendBinary("{\"toolCall\":{\"functionCalls\":[{\"id\":\"fc-1\",\"name\":\"get_weather\","
                + "\"args\":{\"city\":\"Paris\"}}]}}");

        JsonNode toolResponse = upstream.nextMessage().at("/toolResponse/functionResponses/0");
        assertThat(toolResponse.path("id").asString()).isEqualTo("fc-1");
        assertThat(toolResponse.path("name").asString()).isEqualTo("get_weather");
        assertThat(toolResponse.at("/response/forecast").asString()).isEqualTo("sunny");
        assertThat(toolResponse.at("/response/city").asString()).isEqualTo("Paris");

        byte[] speech = Pcm16.tone(AudioFormat.PCM16_24KHZ_MONO, Duration.ofMillis(20), 220).data();
        upstream.sendBinary("{\"serverContent\":{\"modelTurn\":{\"parts\":[{\"inlineData\":{\"mimeType\":"
                + "\"audio/pcm;rate=24000\",\"data\":\"" + Base64.getEncoder().encodeToString(speech) + "\"}}]}}}");
        upstream.sendBinary("{\"serverContent\":{\"outputTranscription\":{\"text\":\"Sunny in Paris.\"}}}");
        upstream.sendBinary("{\"serverContent\":{\"generationComplete\":true}}");
        upstream.sendBinary("{\"serverContent\":{\"turnComplete\":true},\"usageMetadata\":{\"promptTokenCount\":300,"
                + "\"cachedContentTokenCount\":100,\"responseTokenCount\":40,\"totalTokenCount\":340}}");

        List<StreamChunk> chunks = response.orTimeout(TIMEOUT.toSeconds(), TimeUnit.SECONDS).join();
        assertThat(chunks).extracting(StreamChunk::type).containsExactly(StreamChunk.Type.INPUT_TRANSCRIPT,
                StreamChunk.Type.INPUT_TRANSCRIPT, StreamChunk.Type.TOOL_CALL, StreamChunk.Type.AUDIO,
                StreamChunk.Type.OUTPUT_TRANSCRIPT, StreamChunk.Type.TURN_COMPLETE);
        assertThat(chunks.get(3).audio().data()).isEqualTo(speech);

        List<Message> messages = chat.messages();
        assertThat(messages).extracting(Message::role).containsExactly(Role.USER, Role.ASSISTANT, Role.TOOL,
                Role.ASSISTANT);
        assertThat(messages.get(0).text()).isEqualTo("Weather in Paris?");
        assertThat(messages.get(1).toolCalls()).singleElement().satisfies(call -> assertThat(call.id())
                .isEqualTo("fc-1"));
        assertThat(messages.get(3).text()).isEqualTo("Sunny in Paris.");
        assertThat(messages.get(3).costInfo().inputTokens()).isEqualTo(200);
        assertThat(messages.get(3).costInfo().cachedTokens()).isEqualTo(100);
        assertThat(messages.get(3).costInfo().outputTokens()).isEqualTo(40);

        chat.sendText("And tomorrow?");
        assertThat(upstream.nextMessage().toString()).isEqualTo("{\"realtimeInput\":{\"text\":\"And tomorrow?\"}}");
        chat.triggerStart();
        assertThat(upstream.nextMessage().toString()).isEqualTo("{\"clientContent\":{\"turnComplete\":true}}");
        chat.close();
        StepVerifier.create(chat.done()).expectComplete().verify(TIMEOUT);
        assertThat(chat.sessionError()).isEmpty();
    }

    @Test
    void aTextSessionAsksForTextAnswers() {
        JsonNode[] setupMessage = new JsonNode[1];
        DuplexConversation chat = open(options().duplex(DuplexOptions.DEFAULTS.textOnly()).build(), setupMessage);
        CompletableFuture<List<StreamChunk>> response = chat.response()
                .takeUntil(chunk -> chunk.type() == StreamChunk.Type.TURN_COMPLETE).collectList().toFuture();

        upstream.sendBinary("{\"serverContent\":{\"modelTurn\":{\"parts\":[{\"text\":\"thinking...\",\"thought\":true},"
                + "{\"text\":\"Hello Ada.\"}]},\"turnComplete\":true}}");

        assertThat(setupMessage[0].at("/setup/generationConfig/responseModalities").toString()).isEqualTo("[\"TEXT\"]");
        assertThat(setupMessage[0].at("/setup/outputAudioTranscription").isMissingNode()).isTrue();
        assertThat(response.orTimeout(TIMEOUT.toSeconds(), TimeUnit.SECONDS).join())
                .extracting(StreamChunk::type, StreamChunk::text)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(StreamChunk.Type.TEXT, "Hello Ada."),
                        org.assertj.core.groups.Tuple.tuple(StreamChunk.Type.TURN_COMPLETE, null));
        chat.close();
    }

    @Test
    void aSetupRefusedWithACloseFrameFailsTheOpeningWithTheReason() {
        CompletableFuture<DuplexConversation> opening = PromptKit.openDuplexAsync(PACK, "voice", options().build())
                .toFuture();
        upstream.nextMessage();

        upstream.closeWith(1008, "API key not valid. Please pass a valid API key.");

        assertThatThrownBy(() -> opening.orTimeout(TIMEOUT.toSeconds(), TimeUnit.SECONDS).join())
                .hasCauseInstanceOf(DuplexSessionException.class)
                .cause().hasMessageContaining("'gemini'").hasMessageContaining("1008")
                .hasMessageContaining("API key not valid");
    }

    @Test
    void aCloseReasonQuotingTheKeyInAnyCaseEndsTheSessionWithTheKeyMasked() {
        DuplexConversation chat = open(options().build(), new JsonNode[1]);

        upstream.closeWith(1008, "API key " + KEY.toUpperCase(java.util.Locale.ROOT) + " not valid");

        StepVerifier.create(chat.done()).expectComplete().verify(TIMEOUT);
        assertThat(chat.sessionError()).get().asString().contains("status 1008", "API key [redacted] not valid")
                .doesNotContainIgnoringCase(KEY);
        assertThat(logs.lines()).as("every Spring, Reactor, Netty and PromptKit logger at TRACE")
                .anyMatch(line -> line.startsWith("DEBUG reactor.netty"))
                .noneMatch(line -> line.toLowerCase(java.util.Locale.ROOT).contains("test-secret-key"));
    }

    @Test
    void aCloseFrameMidSessionEndsItWithTheStatusAndReason() {
        DuplexConversation chat = open(options().build(), new JsonNode[1]);

        upstream.closeWith(1011, "Internal error occurred.");

        StepVerifier.create(chat.done()).expectComplete().verify(TIMEOUT);
        assertThat(chat.sessionError()).get().asString().contains("'gemini'").contains("status 1011")
                .contains("Internal error occurred.");
        StepVerifier.create(chat.response()).expectError(DuplexSessionException.class).verify(TIMEOUT);
    }

    @Test
    void aRefusedHandshakeNeverShowsTheKey() {
        upstream.refuseHandshake(403, "{\"error\":{\"code\":403,\"message\":\"denied for " + KEY + "\"}}");

        assertThatThrownBy(() -> PromptKit.openDuplex(PACK, "voice", options().build()))
                .isInstanceOf(DuplexSessionException.class).hasMessageContaining("403")
                .satisfies(error -> assertThat(error.toString()).doesNotContain(KEY));
        assertThat(upstream.handshake().uri()).doesNotContain(KEY);
    }
}
