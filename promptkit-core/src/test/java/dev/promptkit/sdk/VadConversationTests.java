/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.sdk;

import static dev.promptkit.sdk.DuplexChunks.text;
import static dev.promptkit.sdk.DuplexChunks.untilTurns;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import dev.promptkit.duplex.AudioChunk;
import dev.promptkit.duplex.AudioFormat;
import dev.promptkit.duplex.DuplexSessionException;
import dev.promptkit.duplex.ImageFrame;
import dev.promptkit.duplex.Pcm16;
import dev.promptkit.media.VideoStreamConfig;
import dev.promptkit.pack.Pack;
import dev.promptkit.pack.PackLoader;
import dev.promptkit.provider.Provider;
import dev.promptkit.provider.ProviderChunk;
import dev.promptkit.provider.ProviderRequest;
import dev.promptkit.provider.mock.MockProvider;
import dev.promptkit.provider.mock.MockScript;
import dev.promptkit.sdk.StreamChunk.Type;
import dev.promptkit.speech.SttService;
import dev.promptkit.speech.Transcript;
import dev.promptkit.speech.TtsService;
import dev.promptkit.state.InMemoryStateStore;
import dev.promptkit.types.Message;
import dev.promptkit.types.Role;
import dev.promptkit.voice.TurnDetector;
import dev.promptkit.voice.TurnEvent;
import dev.promptkit.voice.VadModeConfig;
import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** VAD mode through {@link PromptKit#openDuplex}, with tones as speech and in-process speech services. */
class VadConversationTests {

    private static final Pack PACK = PackLoader.load(Path.of("src/test/resources/tools/tools.pack.json"));
    private static final String ANSWER = "Paris is the capital of France. It is known for the Eiffel Tower.";
    private static final AudioFormat SPEECH_FORMAT = AudioFormat.PCM16_16KHZ_MONO;

    private final MockProvider mock = MockProvider.builder().script(MockScript.parse("""
            rules:
              - match: "paris"
                response: "%s"
            """.formatted(ANSWER))).build();
    private final InMemoryStateStore store = new InMemoryStateStore();
    private final SpeechServices speech = new SpeechServices("Tell me about Paris");

    @Test
    void anyTextProviderAnswersTypedTextWithItsTextTurnSpokenSentenceBySentence() {
        DuplexConversation chat = open(textOnly(mock), ConversationOptions.builder());

        List<StreamChunk> chunks = untilTurns(chat, 1, () -> chat.sendText("What about Paris?"));
        assertThat(text(chunks, Type.TEXT)).isEqualTo(ANSWER);
        assertThat(chunks).filteredOn(chunk -> chunk.type() != Type.TEXT).extracting(StreamChunk::type)
                .containsExactly(Type.OUTPUT_TRANSCRIPT, Type.AUDIO, Type.OUTPUT_TRANSCRIPT, Type.AUDIO,
                        Type.TURN_COMPLETE);
        assertThat(chunks).filteredOn(chunk -> chunk.type() == Type.AUDIO)
                .allSatisfy(chunk -> assertThat(chunk.audio().format()).isEqualTo(SPEECH_FORMAT));
        assertThat(speech.spoken).containsExactly("Paris is the capital of France.",
                "It is known for the Eiffel Tower.");
        Response turn = chunks.get(chunks.size() - 1).response();
        assertThat(turn.text()).isEqualTo(ANSWER);
        assertThat(turn.outputTokens()).isPositive();
        assertThat(chat.messages()).extracting(Message::role, Message::text).containsExactly(
                tuple(Role.USER, "What about Paris?"), tuple(Role.ASSISTANT, ANSWER));
        chat.close();
    }

    @Test
    void vadModeIsChosenOverTheProvidersRealtimeSessionAndStoresTheTranscript() {
        DuplexConversation chat = open(mock, ConversationOptions.builder());

        List<StreamChunk> chunks = untilTurns(chat, 1, () -> {
            chat.sendChunk(Pcm16.silence(SPEECH_FORMAT, Duration.ofMillis(300)));
            chat.sendChunk(Pcm16.tone(SPEECH_FORMAT, Duration.ofMillis(600), 220));
            chat.triggerStart();
        });

        assertThat(chunks.get(0)).isEqualTo(StreamChunk.inputTranscript("Tell me about Paris"));
        assertThat(speech.heard).singleElement().satisfies(audio -> assertThat(audio.format())
                .isEqualTo(SPEECH_FORMAT));
        assertThat(text(chunks, Type.TEXT)).as("the text turn's answer, not the mock session's").isEqualTo(ANSWER);
        assertThat(chat.messages()).extracting(Message::role, Message::text).containsExactly(
                tuple(Role.USER, "Tell me about Paris"), tuple(Role.ASSISTANT, ANSWER));
        chat.close();
    }

    @Test
    void aTurnDetectorOfTheApplicationsReplacesTheSilenceDetectorInEachSession() {
        List<VadModeConfig> configs = new CopyOnWriteArrayList<>();
        DuplexConversation chat = open(mock, ConversationOptions.builder().turnDetector(config -> {
            configs.add(config);
            return new PushToTalk(config);
        }));

        List<StreamChunk> chunks = untilTurns(chat, 1, () -> {
            chat.sendChunk(Pcm16.silence(SPEECH_FORMAT, Duration.ofMillis(300)));
            chat.triggerStart();
        });

        assertThat(configs).containsExactly(VadModeConfig.DEFAULTS);
        assertThat(speech.heard).as("silence, which the silence detector would have dropped, is a turn here")
                .singleElement().satisfies(audio -> assertThat(audio.data()).hasSize(300 * 32));
        assertThat(text(chunks, Type.TEXT)).isEqualTo(ANSWER);
        chat.close();
    }

    @Test
    void textTurnSpeechDoesNotSpeakVadModesAnswersTwice() {
        DuplexConversation chat = open(textOnly(mock), ConversationOptions.builder().tts(speech));

        List<StreamChunk> chunks = untilTurns(chat, 1, () -> chat.sendText("What about Paris?"));

        assertThat(chunks).filteredOn(chunk -> chunk.type() == Type.AUDIO).hasSize(2);
        assertThat(speech.spoken).containsExactly("Paris is the capital of France.",
                "It is known for the Eiffel Tower.");
        chat.close();
    }

    @Test
    void framesAndVideoAreRefusedEvenWithStreamingVideoSet() {
        DuplexConversation chat = open(mock, ConversationOptions.builder().streamingVideo(VideoStreamConfig.DEFAULTS));

        assertThatThrownBy(() -> chat.sendFrame(new ImageFrame(new byte[] {1}, "image/jpeg", 1, 1, 0)))
                .isInstanceOf(DuplexSessionException.class).hasMessageStartingWith("VAD mode does not take images");
        assertThatThrownBy(() -> chat.sendFrame(new ImageFrame(new byte[] {1}, "image/jpeg", 1, 1, 10)))
                .as("a frame the rate limit would have dropped").isInstanceOf(DuplexSessionException.class);
        assertThatThrownBy(() -> chat.sendVideoChunk(new byte[] {1}, "video/mp4"))
                .isInstanceOf(DuplexSessionException.class).hasMessageContaining("or video");
        chat.close();
    }

    @Test
    void theSpeechServicesStayTheCallersAndServeOneConversationAfterAnother() {
        DuplexConversation first = open(mock, ConversationOptions.builder());
        untilTurns(first, 1, () -> first.sendText("Paris?"));

        first.close();

        assertThat(speech.closed).as("closing a conversation leaves its services open").isFalse();
        DuplexConversation second = open(mock, ConversationOptions.builder());
        assertThat(text(untilTurns(second, 1, () -> second.sendText("Paris again?")), Type.TEXT)).isEqualTo(ANSWER);
        second.close();
    }

    @Test
    void withoutVadModeAProviderWithoutARealtimeSessionIsRefusedNamingBothModes() {
        assertThatThrownBy(() -> PromptKit.openDuplex(PACK, "assistant", ConversationOptions.builder()
                .provider(textOnly(mock)).build()))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("'plain'")
                .hasMessageContaining("no duplex mode").hasMessageContaining("vadMode")
                .hasMessageContaining("realtime protocol");
    }

    private DuplexConversation open(Provider provider, ConversationOptions.Builder options) {
        return PromptKit.openDuplex(PACK, "assistant", options.provider(provider).stateStore(store)
                .vadMode(VadModeConfig.DEFAULTS, speech, speech).build());
    }

    /** {@code mock}'s text turns, without its realtime session. */
    private static Provider textOnly(MockProvider mock) {
        return new Provider() {
            public String name() {
                return "plain";
            }

            public String type() {
                return "plain";
            }

            public String defaultModel() {
                return mock.defaultModel();
            }

            public Flux<ProviderChunk> stream(ProviderRequest request) {
                return mock.stream(request);
            }
        };
    }

    /** A turn is whatever was sent until the caller ends it: no detection at all. */
    private static final class PushToTalk implements TurnDetector {

        private final AudioFormat format;
        private final ByteArrayOutputStream audio = new ByteArrayOutputStream();

        private PushToTalk(VadModeConfig config) {
            this.format = config.inputFormat();
        }

        @Override
        public AudioFormat format() {
            return format;
        }

        @Override
        public List<TurnEvent> accept(AudioChunk chunk) {
            audio.writeBytes(chunk.data());
            return List.of();
        }

        @Override
        public Optional<TurnEvent.TurnEnded> endTurn() {
            if (audio.size() == 0) {
                return Optional.empty();
            }
            AudioChunk turn = new AudioChunk(audio.toByteArray(), format);
            audio.reset();
            return Optional.of(new TurnEvent.TurnEnded(turn, 0, (long) turn.durationMillis(),
                    TurnEvent.EndReason.TRIGGERED));
        }
    }

    /** Speech-to-text that always hears {@code transcript}, and text-to-speech that says each sentence in 100 ms. */
    private static final class SpeechServices implements SttService, TtsService, AutoCloseable {

        private final String transcript;
        private final List<AudioChunk> heard = new CopyOnWriteArrayList<>();
        private final List<String> spoken = new CopyOnWriteArrayList<>();
        private volatile boolean closed;

        private SpeechServices(String transcript) {
            this.transcript = transcript;
        }

        @Override
        public Mono<Transcript> transcribe(AudioChunk audio, String language) {
            heard.add(audio);
            return Mono.just(new Transcript(transcript));
        }

        @Override
        public Flux<AudioChunk> synthesize(String text, String voice, double speed) {
            spoken.add(text);
            return Flux.just(Pcm16.silence(SPEECH_FORMAT, Duration.ofMillis(100)));
        }

        @Override
        public void close() {
            closed = true;
        }
    }
}
