/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.sdk;

import static dev.promptkit.sdk.DuplexChunks.text;
import static dev.promptkit.sdk.DuplexChunks.untilTurns;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.promptkit.duplex.AudioChunk;
import dev.promptkit.duplex.AudioFormat;
import dev.promptkit.duplex.Pcm16;
import dev.promptkit.event.Event;
import dev.promptkit.event.EventBus;
import dev.promptkit.pack.Pack;
import dev.promptkit.pack.PackLoader;
import dev.promptkit.provider.Provider;
import dev.promptkit.provider.http.HttpProviderSettings;
import dev.promptkit.provider.mock.MockProvider;
import dev.promptkit.provider.mock.MockScript;
import dev.promptkit.provider.openai.AudioUpstream;
import dev.promptkit.provider.openai.OpenAiSttService;
import dev.promptkit.provider.openai.OpenAiTtsService;
import dev.promptkit.sdk.StreamChunk.Type;
import dev.promptkit.types.Message;
import dev.promptkit.types.Role;
import dev.promptkit.voice.SpokenAudio;
import dev.promptkit.voice.VadModeConfig;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import reactor.test.StepVerifier;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * VAD mode end to end through {@link PromptKit#openDuplex}: espeak-ng speech in, OpenAI speech-to-text and
 * text-to-speech on a loopback fake, and the conversation's text turns on the mock provider, whose answer calls a
 * tool.
 */
class VadRoundTripTests {

    private static final Pack PACK = PackLoader.load(Path.of("src/test/resources/tools/tools.pack.json"));
    private static final AudioFormat MIC = AudioFormat.PCM16_24KHZ_MONO;
    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final String QUESTION = "What is the weather in Paris?";
    private static final String ANSWER = "It is 18 degrees and sunny in Paris. Take your sunglasses with you!";
    private static final String FOLLOW_UP = "Stop. What about tomorrow?";
    /** Half a second of a 24 kHz tone: what the fake speaks for each sentence. */
    private static final byte[] SENTENCE_AUDIO = Pcm16.toBytes(Pcm16.sine(330, 24_000, 12_000, 0.2));

    @RegisterExtension
    final AudioUpstream upstream = new AudioUpstream();
    private final List<String> transcripts = new CopyOnWriteArrayList<>();
    private final List<RecordedRequest> speechRequests = new CopyOnWriteArrayList<>();
    private final List<RecordedRequest> transcriptionRequests = new CopyOnWriteArrayList<>();
    private final EventBus bus = EventBus.create();
    private final List<Event> events = new CopyOnWriteArrayList<>();
    private OpenAiSttService stt;
    private OpenAiTtsService tts;
    private DuplexConversation conversation;

    @AfterEach
    void close() {
        conversation.close();
        stt.close();
        tts.close();
    }

    @Test
    void aSpokenQuestionIsTranscribedAnsweredWithAToolAndSpokenBack() throws IOException {
        fakeOpenAi(48);
        conversation = openDuplex(weather(MockProvider.builder(), ANSWER));
        List<Map<String, Object>> toolCalls = new CopyOnWriteArrayList<>();
        conversation.onTool("get_weather", args -> {
            toolCalls.add(args);
            return Map.of("city", args.get("city"), "celsius", 18, "sky", "sunny");
        });
        transcripts.add(QUESTION);
        SpokenAudio.Timeline speech = new SpokenAudio.Timeline(MIC.sampleRate()).pause(Duration.ofMillis(500))
                .say(QUESTION).pause(Duration.ofMillis(1200));

        List<StreamChunk> chunks = untilTurns(conversation, 1, () -> speak(speech.samples()));

        assertThat(chunks.get(0)).isEqualTo(StreamChunk.inputTranscript(QUESTION));
        assertThat(speechKinds(chunks)).as("each sentence's transcript, then its audio").containsExactly(
                Type.INPUT_TRANSCRIPT, Type.OUTPUT_TRANSCRIPT, Type.AUDIO, Type.OUTPUT_TRANSCRIPT, Type.AUDIO,
                Type.TURN_COMPLETE);
        List<Type> types = chunks.stream().map(StreamChunk::type).toList();
        assertThat(types.indexOf(Type.TEXT)).as("the text streams before the first sentence is spoken")
                .isBetween(1, types.indexOf(Type.OUTPUT_TRANSCRIPT));
        assertThat(text(chunks, Type.TEXT)).isEqualTo(ANSWER);
        assertThat(chunks).filteredOn(chunk -> chunk.type() == Type.OUTPUT_TRANSCRIPT).extracting(StreamChunk::text)
                .containsExactly("It is 18 degrees and sunny in Paris.", "Take your sunglasses with you!");
        List<AudioChunk> audio = chunks.stream().filter(chunk -> chunk.type() == Type.AUDIO).map(StreamChunk::audio)
                .toList();
        assertThat(audio).allSatisfy(chunk -> assertThat(chunk.format()).isEqualTo(OpenAiTtsService.FORMAT));
        assertThat(audio.stream().mapToInt(chunk -> chunk.data().length).sum()).isEqualTo(2 * SENTENCE_AUDIO.length);
        Response turn = chunks.get(chunks.size() - 1).response();
        assertThat(turn.text()).isEqualTo(ANSWER);
        assertThat(turn.turnMessages()).extracting(Message::role)
                .containsExactly(Role.USER, Role.ASSISTANT, Role.TOOL, Role.ASSISTANT);
        assertThat(turn.costInfo().totalCostUsd()).isPositive();

        assertThat(toolCalls).containsExactly(Map.of("city", "Paris"));
        List<Message> stored = conversation.messages();
        assertThat(stored).as("the text turn's messages, stored once").extracting(Message::role)
                .containsExactly(Role.USER, Role.ASSISTANT, Role.TOOL, Role.ASSISTANT);
        assertThat(stored.get(0).text()).as("the user's transcript").isEqualTo(QUESTION);
        assertThat(stored.get(3).text()).isEqualTo(ANSWER);
        assertThat(events).as("the text turn's events, once").extracting(Event::type).containsExactly(
                "pipeline.started", "message.created", "provider.call.started", "provider.call.completed",
                "message.created", "tool.call.started", "tool.call.completed", "message.created",
                "provider.call.started", "provider.call.completed", "message.created", "state.saved",
                "pipeline.completed");

        assertThat(transcriptionRequests).hasSize(1);
        Map<String, AudioUpstream.Part> upload = AudioUpstream.parts(transcriptionRequests.get(0));
        ByteBuffer wav = ByteBuffer.wrap(upload.get("file").body()).order(ByteOrder.LITTLE_ENDIAN);
        assertThat(wav.getInt(24)).as("resampled from 24 kHz to the configured 16 kHz").isEqualTo(16_000);
        long[] spoken = speech.spoken().get(0);
        assertThat(wav.getInt(40) / 32.0).as("milliseconds uploaded: the question and 300 ms either side")
                .isCloseTo(spoken[1] - spoken[0] + 600, within(150.0));
        assertThat(upload.get("language").text()).isEqualTo("en");
        assertThat(speechRequests).extracting(request -> json(request).path("input").stringValue())
                .containsExactly("It is 18 degrees and sunny in Paris.", "Take your sunglasses with you!");
        assertThat(json(speechRequests.get(0)).path("voice").stringValue()).isEqualTo("alloy");
    }

    @Test
    void speakingOverThePlayingAnswerInterruptsItAndCancelsItsTextTurn() {
        fakeOpenAi(24);
        String longAnswer = "It is 18 degrees and sunny in Paris. " + "The afternoon stays warm and bright. ".repeat(8);
        RecordingProvider provider = new RecordingProvider(weather(MockProvider.builder()
                .chunkDelay(Duration.ofMillis(60)), longAnswer));
        conversation = openDuplex(provider);
        conversation.onTool("get_weather", args -> Map.of("sky", "sunny"));
        transcripts.addAll(List.of(QUESTION, FOLLOW_UP));
        List<StreamChunk> beforeAudio = new ArrayList<>();
        List<StreamChunk> second = new ArrayList<>();

        StepVerifier.create(conversation.response())
                .then(() -> speak(new SpokenAudio.Timeline(MIC.sampleRate()).pause(Duration.ofMillis(500))
                        .say(QUESTION).pause(Duration.ofMillis(1200)).samples()))
                .thenConsumeWhile(chunk -> chunk.type() != Type.AUDIO, beforeAudio::add)
                .expectNextMatches(chunk -> chunk.type() == Type.AUDIO)
                .then(() -> speak(SpokenAudio.say(FOLLOW_UP, MIC.sampleRate())))
                .thenConsumeWhile(chunk -> chunk.type() != Type.INTERRUPTED,
                        chunk -> assertThat(chunk.type()).isNotEqualTo(Type.TURN_COMPLETE))
                .expectNextMatches(chunk -> chunk.type() == Type.INTERRUPTED)
                .then(() -> speak(SpokenAudio.silence(Duration.ofMillis(1200), MIC.sampleRate())))
                .thenConsumeWhile(chunk -> chunk.type() != Type.TURN_COMPLETE, second::add)
                .expectNextMatches(chunk -> chunk.type() == Type.TURN_COMPLETE
                        && chunk.response().text().equals("I only know about the weather."))
                .thenCancel()
                .verify(TIMEOUT);

        assertThat(beforeAudio).first().isEqualTo(StreamChunk.inputTranscript(QUESTION));
        assertThat(text(beforeAudio, Type.TEXT)).as("cut short").isNotEqualTo(longAnswer);
        assertThat(second).first().as("nothing of the interrupted answer follows")
                .isEqualTo(StreamChunk.inputTranscript(FOLLOW_UP));
        assertThat(provider.cancellations).as("the first turn's provider call was cancelled while it wrote")
                .hasValue(1);
        assertThat(conversation.messages()).as("the interrupted turn stored nothing").extracting(Message::text)
                .containsExactly(FOLLOW_UP, "I only know about the weather.");
        assertThat(events).extracting(Event::type).as("the interrupted turn neither completed nor failed")
                .filteredOn(type -> type.startsWith("pipeline."))
                .containsExactly("pipeline.started", "pipeline.started", "pipeline.completed");
    }

    /**
     * OpenAI's audio endpoints: transcriptions answer with the next of {@link #transcripts}, speech with
     * {@link #SENTENCE_AUDIO} in pieces at {@code bytesPerMilli} (48 is real time for 24 kHz PCM16).
     */
    private void fakeOpenAi(long bytesPerMilli) {
        upstream.dispatch(request -> {
            if (request.getTarget().equals("/v1/audio/transcriptions")) {
                transcriptionRequests.add(request);
                String text = transcripts.get(transcriptionRequests.size() - 1);
                return AudioUpstream.json(200, JsonMapper.shared().createObjectNode().put("text", text).toString());
            }
            if (request.getTarget().equals("/v1/audio/speech")) {
                speechRequests.add(request);
                return AudioUpstream.pcm(SENTENCE_AUDIO, 1_001, bytesPerMilli);
            }
            return new MockResponse.Builder().code(404).build();
        });
        HttpProviderSettings settings = HttpProviderSettings.builder().baseUrl(upstream.baseUrl())
                .apiKey("sk-test-voice").build();
        stt = OpenAiSttService.builder().settings(settings).build();
        tts = OpenAiTtsService.builder().settings(settings).build();
    }

    /** A duplex conversation in VAD mode on {@code provider}, its events recorded. */
    private DuplexConversation openDuplex(Provider provider) {
        bus.subscribeSynchronous(events::add);
        return PromptKit.openDuplex(PACK, "assistant", ConversationOptions.builder().provider(provider).eventBus(bus)
                .vadMode(VadModeConfig.DEFAULTS, stt, tts).build());
    }

    /** A mock that calls the weather tool for the weather in Paris, then answers {@code weather}. */
    private static MockProvider weather(MockProvider.Builder mock, String weather) {
        return mock.script(MockScript.parse("""
                rules:
                  - match: "weather in paris"
                    response:
                      tool_calls: [{name: get_weather, arguments: {city: Paris}}]
                    after_tools: "%s"
                  - match: "tomorrow"
                    response: "I only know about the weather."
                """.formatted(weather))).build();
    }

    private void speak(short[] samples) {
        SpokenAudio.chunks(samples, MIC, 20).forEach(conversation::sendChunk);
    }

    /** The kinds of chunk but text, each run of audio as one. */
    private static List<Type> speechKinds(List<StreamChunk> chunks) {
        List<Type> kinds = new ArrayList<>();
        for (StreamChunk chunk : chunks) {
            if (chunk.type() != Type.TEXT && !(chunk.type() == Type.AUDIO && kinds.get(kinds.size() - 1) == Type.AUDIO)) {
                kinds.add(chunk.type());
            }
        }
        return kinds;
    }

    private static JsonNode json(RecordedRequest request) {
        return JsonMapper.shared().readTree(request.getBody().utf8());
    }
}
