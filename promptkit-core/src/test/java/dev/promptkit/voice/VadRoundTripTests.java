package dev.promptkit.voice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.promptkit.duplex.AudioChunk;
import dev.promptkit.duplex.AudioFormat;
import dev.promptkit.duplex.DuplexEvent;
import dev.promptkit.duplex.DuplexEvent.AudioDelta;
import dev.promptkit.duplex.DuplexEvent.InputTranscript;
import dev.promptkit.duplex.DuplexEvent.Interrupted;
import dev.promptkit.duplex.DuplexEvent.OutputTranscript;
import dev.promptkit.duplex.DuplexEvent.TextDelta;
import dev.promptkit.duplex.DuplexEvent.TurnComplete;
import dev.promptkit.duplex.Pcm16;
import dev.promptkit.pack.Pack;
import dev.promptkit.pack.PackLoader;
import dev.promptkit.provider.http.HttpProviderSettings;
import dev.promptkit.provider.mock.MockProvider;
import dev.promptkit.provider.mock.MockScript;
import dev.promptkit.sdk.Conversation;
import dev.promptkit.sdk.ConversationOptions;
import dev.promptkit.sdk.PromptKit;
import dev.promptkit.types.Message;
import dev.promptkit.types.Role;
import dev.promptkit.voice.openai.AudioUpstream;
import dev.promptkit.voice.openai.OpenAiSttService;
import dev.promptkit.voice.openai.OpenAiTtsService;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Collectors;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * VAD mode end to end: espeak-ng speech in, OpenAI speech-to-text and text-to-speech on a loopback fake, and a
 * real conversation on the mock provider whose answer calls a tool.
 */
class VadRoundTripTests {

    private static final Pack PACK = PackLoader.load(Path.of("src/test/resources/tools/tools.pack.json"));
    private static final AudioFormat MIC = AudioFormat.PCM16_24KHZ_MONO;
    private static final String QUESTION = "What is the weather in Paris?";
    private static final String ANSWER = "It is 18 degrees and sunny in Paris. Take your sunglasses with you!";
    /** Half a second of a 24 kHz tone: what the fake speaks for each sentence. */
    private static final byte[] SENTENCE_AUDIO = Pcm16.toBytes(Pcm16.sine(330, 24_000, 12_000, 0.2));

    @RegisterExtension
    final AudioUpstream upstream = new AudioUpstream();
    private final List<String> transcripts = new CopyOnWriteArrayList<>();
    private final List<RecordedRequest> speechRequests = new CopyOnWriteArrayList<>();
    private final List<RecordedRequest> transcriptionRequests = new CopyOnWriteArrayList<>();
    private OpenAiSttService stt;
    private OpenAiTtsService tts;
    private Conversation conversation;
    private VadDuplexSession session;

    @AfterEach
    void close() {
        session.close();
        conversation.close();
        stt.close();
        tts.close();
    }

    @Test
    void aSpokenQuestionIsTranscribedAnsweredWithAToolAndSpokenBack() throws IOException {
        fakeOpenAi(48);
        conversation = conversation(MockProvider.builder(), ANSWER);
        List<Map<String, Object>> toolCalls = new CopyOnWriteArrayList<>();
        conversation.onTool("get_weather", args -> {
            toolCalls.add(args);
            return Map.of("city", args.get("city"), "celsius", 18, "sky", "sunny");
        });
        transcripts.add(QUESTION);
        session = new VadDuplexSession(VadModeConfig.DEFAULTS, stt, tts, conversation::stream);
        EventRecorder events = new EventRecorder(session.events());
        SpokenAudio.Timeline speech = new SpokenAudio.Timeline(MIC.sampleRate()).pause(Duration.ofMillis(500))
                .say(QUESTION).pause(Duration.ofMillis(1200));

        speak(speech.samples());

        List<DuplexEvent> turn = events.until(TurnComplete.class);
        assertThat(turn.get(0)).isEqualTo(new InputTranscript(QUESTION, true));
        assertThat(joined(turn, TextDelta.class, TextDelta::text, "")).isEqualTo(ANSWER);
        assertThat(joined(turn, OutputTranscript.class, OutputTranscript::text, "|"))
                .isEqualTo("It is 18 degrees and sunny in Paris.|Take your sunglasses with you!");
        List<AudioChunk> audio = turn.stream().filter(AudioDelta.class::isInstance)
                .map(event -> ((AudioDelta) event).audio()).toList();
        assertThat(audio).allSatisfy(chunk -> assertThat(chunk.format()).isEqualTo(OpenAiTtsService.FORMAT));
        assertThat(audio.stream().mapToInt(chunk -> chunk.data().length).sum()).isEqualTo(2 * SENTENCE_AUDIO.length);
        assertThat(((TurnComplete) turn.get(turn.size() - 1)).usage().totalTokens()).isPositive();

        assertThat(toolCalls).containsExactly(Map.of("city", "Paris"));
        assertThat(conversation.messages()).extracting(Message::role)
                .containsExactly(Role.USER, Role.ASSISTANT, Role.TOOL, Role.ASSISTANT);
        assertThat(conversation.messages().get(0).text()).isEqualTo(QUESTION);

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
    void speakingOverThePlayingAnswerInterruptsItAndCancelsItsTurn() {
        fakeOpenAi(24);
        String longAnswer = "It is 18 degrees and sunny in Paris. " + "The afternoon stays warm and bright. ".repeat(8);
        conversation = conversation(MockProvider.builder().chunkDelay(Duration.ofMillis(60)), longAnswer);
        conversation.onTool("get_weather", args -> Map.of("sky", "sunny"));
        AtomicBoolean turnCancelled = new AtomicBoolean();
        AtomicInteger turnsStarted = new AtomicInteger();
        transcripts.addAll(List.of(QUESTION, "Stop. What about tomorrow?"));
        session = new VadDuplexSession(VadModeConfig.DEFAULTS, stt, tts, text -> {
            turnsStarted.incrementAndGet();
            return conversation.stream(text).doOnCancel(() -> turnCancelled.set(true));
        });
        EventRecorder events = new EventRecorder(session.events());

        speak(new SpokenAudio.Timeline(MIC.sampleRate()).pause(Duration.ofMillis(500)).say(QUESTION)
                .pause(Duration.ofMillis(1200)).samples());
        List<DuplexEvent> beforeAudio = events.until(AudioDelta.class);
        speak(new SpokenAudio.Timeline(MIC.sampleRate()).say("Stop. What about tomorrow?").samples());

        List<DuplexEvent> interrupted = events.until(Interrupted.class);
        assertThat(beforeAudio).noneMatch(TurnComplete.class::isInstance);
        assertThat(interrupted).noneMatch(TurnComplete.class::isInstance);
        assertThat(turnCancelled).as("the first turn's stream was cancelled while it still wrote").isTrue();
        assertThat(joined(beforeAudio, TextDelta.class, TextDelta::text, "")).isNotEqualTo(longAnswer);

        speak(SpokenAudio.silence(Duration.ofMillis(1200), MIC.sampleRate()));
        List<DuplexEvent> second = events.until(TurnComplete.class);
        assertThat(second.get(0)).isEqualTo(new InputTranscript("Stop. What about tomorrow?", true));
        assertThat(turnsStarted).hasValue(2);
        assertThat(conversation.messages()).as("the interrupted turn stored nothing").extracting(Message::text)
                .containsExactly("Stop. What about tomorrow?", "I only know about the weather.");
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

    private static Conversation conversation(MockProvider.Builder mock, String weather) {
        MockScript script = MockScript.parse("""
                rules:
                  - match: "weather in paris"
                    response:
                      tool_calls: [{name: get_weather, arguments: {city: Paris}}]
                    after_tools: "%s"
                  - match: "tomorrow"
                    response: "I only know about the weather."
                """.formatted(weather));
        return PromptKit.open(PACK, "assistant", ConversationOptions.builder().provider(mock.script(script).build())
                .build());
    }

    private void speak(short[] samples) {
        for (AudioChunk chunk : SpokenAudio.chunks(samples, MIC, 20)) {
            session.sendAudio(chunk).block();
        }
    }

    private static JsonNode json(RecordedRequest request) {
        return JsonMapper.shared().readTree(request.getBody().utf8());
    }

    private static <T extends DuplexEvent> String joined(List<DuplexEvent> events, Class<T> type,
            Function<T, String> text, String separator) {
        return events.stream().filter(type::isInstance).map(type::cast).map(text).collect(Collectors.joining(separator));
    }
}
