/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.voice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.promptkit.duplex.AudioChunk;
import dev.promptkit.duplex.AudioFormat;
import dev.promptkit.duplex.DuplexEvent.AudioDelta;
import dev.promptkit.duplex.DuplexEvent.InputTranscript;
import dev.promptkit.duplex.DuplexEvent.Interrupted;
import dev.promptkit.duplex.DuplexEvent.OutputTranscript;
import dev.promptkit.duplex.DuplexEvent.TextDelta;
import dev.promptkit.duplex.DuplexEvent.TurnComplete;
import dev.promptkit.duplex.DuplexEvent;
import dev.promptkit.duplex.DuplexSessionException;
import dev.promptkit.duplex.ImageFrame;
import dev.promptkit.duplex.Pcm16;
import dev.promptkit.duplex.VideoChunk;
import dev.promptkit.pack.Pack;
import dev.promptkit.pack.PackLoader;
import dev.promptkit.provider.ProviderException;
import dev.promptkit.provider.mock.MockProvider;
import dev.promptkit.provider.mock.MockScript;
import dev.promptkit.sdk.Conversation;
import dev.promptkit.sdk.ConversationOptions;
import dev.promptkit.sdk.PromptKit;
import dev.promptkit.speech.Transcript;
import dev.promptkit.speech.TtsService;
import dev.promptkit.types.Message;
import dev.promptkit.types.Role;
import dev.promptkit.types.ToolResult;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

/** The session's flow, barge-in and failures, with tones as speech and in-process STT and TTS. */
class VadDuplexSessionTests {

    private static final Pack PACK = PackLoader.load(Path.of("src/test/resources/tools/tools.pack.json"));
    private static final AudioFormat MIC = new AudioFormat(48_000, 2);
    private static final String ANSWER = "Paris is the capital of France. It is known for the Eiffel Tower.";
    private static final AudioFormat TTS_FORMAT = AudioFormat.PCM16_24KHZ_MONO;

    private final List<AudioChunk> transcribed = new CopyOnWriteArrayList<>();
    private final List<String> spoken = new CopyOnWriteArrayList<>();
    /** Counted down when a speech synthesis is cancelled (by the thread that cancels it, or by one still inside it). */
    private final CountDownLatch speechCancelled = new CountDownLatch(1);
    private Conversation conversation;
    private VadDuplexSession session;

    @AfterEach
    void close() {
        if (session != null) {
            session.close();
        }
        if (conversation != null) {
            conversation.close();
        }
    }

    @Test
    void anAudioTurnIsTranscribedAnsweredAndSpokenSentenceBySentence() {
        session = session(stt("Tell me about Paris"), tts(2, Duration.ZERO));
        EventRecorder events = new EventRecorder(session.events());

        speak(silence(300), tone(800), silence(1000));

        List<DuplexEvent> turn = events.until(TurnComplete.class);
        assertThat(turn.get(0)).isEqualTo(new InputTranscript("Tell me about Paris", true));
        assertThat(text(turn, TextDelta.class, TextDelta::text, "")).isEqualTo(ANSWER);
        assertThat(text(turn, OutputTranscript.class, OutputTranscript::text, "|"))
                .isEqualTo("Paris is the capital of France.|It is known for the Eiffel Tower.");
        assertThat(turn).filteredOn(event -> !(event instanceof TextDelta)).extracting(VadDuplexSessionTests::kind)
                .as("each sentence's transcript, then its audio").containsExactly("InputTranscript",
                        "OutputTranscript", "AudioDelta", "AudioDelta", "OutputTranscript", "AudioDelta", "AudioDelta",
                        "TurnComplete");
        TurnComplete complete = (TurnComplete) turn.get(turn.size() - 1);
        assertThat(complete.usage().outputTokens()).isPositive();
        assertThat(spoken).containsExactly("Paris is the capital of France.", "It is known for the Eiffel Tower.");
        assertThat(transcribed).singleElement().satisfies(audio -> {
            assertThat(audio.format()).as("converted from 48 kHz stereo").isEqualTo(AudioFormat.PCM16_16KHZ_MONO);
            assertThat(audio.durationMillis()).as("the tone and 300 ms either side").isCloseTo(1400, within(60.0));
        });
        assertThat(conversation.messages()).extracting(Message::role).containsExactly(Role.USER, Role.ASSISTANT);
        assertThat(conversation.messages().get(0).text()).isEqualTo("Tell me about Paris");
    }

    @Test
    void typedTextIsAnsweredWithoutAnInputTranscript() {
        session = session(stt("unused"), tts(1, Duration.ZERO));
        EventRecorder events = new EventRecorder(session.events());

        session.sendText("What about Paris?").block();

        List<DuplexEvent> turn = events.until(TurnComplete.class);
        assertThat(turn).noneMatch(InputTranscript.class::isInstance);
        assertThat(text(turn, TextDelta.class, TextDelta::text, "")).isEqualTo(ANSWER);
        assertThat(transcribed).isEmpty();
    }

    @Test
    void aTurnInWhichNoWordsWereHeardIsDropped() throws InterruptedException {
        session = session(stt("", "Tell me about Paris"), tts(1, Duration.ZERO));
        EventRecorder events = new EventRecorder(session.events());

        speak(silence(300), tone(400), silence(1000));
        assertThat(events.quietFor(300)).isEmpty();
        speak(tone(400), silence(1000));

        assertThat(events.until(TurnComplete.class).get(0)).isEqualTo(new InputTranscript("Tell me about Paris", true));
        assertThat(conversation.messages()).hasSize(2);
    }

    @Test
    void speakingWhileTheAnswerPlaysCancelsItAndSaysInterrupted() throws InterruptedException {
        session = session(stt("Tell me about Paris", "Paris again"), tts(20, Duration.ofMillis(50)));
        EventRecorder events = new EventRecorder(session.events());

        speak(silence(300), tone(600), silence(1000));
        events.until(AudioDelta.class);
        speak(tone(600));

        List<DuplexEvent> afterAudio = events.until(Interrupted.class);
        assertThat(speechCancelled.await(2, TimeUnit.SECONDS)).as("the speech synthesis was cancelled").isTrue();
        assertThat(afterAudio).noneMatch(TurnComplete.class::isInstance);
        speak(silence(1000));
        List<DuplexEvent> next = events.until(TurnComplete.class);
        assertThat(next.get(0)).as("nothing of the interrupted answer follows").isEqualTo(
                new InputTranscript("Paris again", true));
    }

    @Test
    void audioStillPlayingAfterTheAnswerEndedIsInterruptedToo() throws InterruptedException {
        session = session(stt("Tell me about Paris", "And then?"), tts(10, Duration.ZERO));
        EventRecorder events = new EventRecorder(session.events());

        speak(silence(300), tone(500), silence(1000));
        events.until(TurnComplete.class);
        speak(tone(500), silence(1000));

        assertThat(events.until(InputTranscript.class)).as("two seconds of answer were still playing")
                .first().isInstanceOf(Interrupted.class);
    }

    @Test
    void speechAfterThePlaybackEndedInterruptsNothing() throws InterruptedException {
        session = session(stt("Tell me about Paris", "And then?"), tts(1, Duration.ZERO));
        EventRecorder events = new EventRecorder(session.events());

        speak(silence(300), tone(500), silence(1000));
        events.until(TurnComplete.class);
        Thread.sleep(300);
        speak(tone(500), silence(1000));

        assertThat(events.until(InputTranscript.class)).containsExactly(new InputTranscript("And then?", true));
    }

    @Test
    void speakingAgainBeforeTheAnswerSaidAnythingAnswersBothTurnsAsOne() {
        // the first transcript comes late enough that the second speech (sent as fast as it goes) arrives before it
        List<Duration> delays = List.of(Duration.ofSeconds(2), Duration.ZERO);
        session = session(audio -> {
            transcribed.add(audio);
            return Mono.just(new Transcript(transcribed.size() == 1 ? "Tell me" : "Tell me about Paris"))
                    .delayElement(delays.get(transcribed.size() - 1));
        }, tts(1, Duration.ZERO));
        EventRecorder events = new EventRecorder(session.events());

        speak(silence(300), tone(400), silence(1200), tone(500), silence(1000));

        List<DuplexEvent> turn = events.until(TurnComplete.class);
        assertThat(turn).noneMatch(Interrupted.class::isInstance)
                .filteredOn(InputTranscript.class::isInstance).containsExactly(
                        new InputTranscript("Tell me about Paris", true));
        assertThat(transcribed).hasSize(2);
        assertThat(transcribed.get(1).durationMillis()).as("both turns with their padding")
                .isCloseTo(transcribed.get(0).durationMillis() + 1100, within(80.0));
        assertThat(conversation.messages()).hasSize(2);
    }

    @Test
    void triggerStartEndsTheTurnWithoutWaitingForSilence() {
        session = session(stt("Tell me about Paris"), tts(1, Duration.ZERO));
        EventRecorder events = new EventRecorder(session.events());

        speak(silence(300), tone(700));
        session.triggerStart().block();

        assertThat(events.until(TurnComplete.class).get(0)).isEqualTo(new InputTranscript("Tell me about Paris", true));
        assertThat(transcribed).singleElement().satisfies(audio -> assertThat(audio.durationMillis())
                .isCloseTo(1000, within(60.0)));
        session.triggerStart().block();
        assertThat(transcribed).as("no speech since: nothing to answer").hasSize(1);
    }

    @Test
    void aSpeechToTextFailureEndsTheSessionNamingTheStep() {
        session = session(audio -> Mono.error(new ProviderException("openai-stt", 500, "The server had an error")),
                tts(1, Duration.ZERO));
        EventRecorder events = new EventRecorder(session.events());

        speakUntilClosed(silence(300), tone(500), silence(1000));

        assertThat(events.failure()).isInstanceOf(DuplexSessionException.class)
                .hasMessage("speech-to-text failed: Provider 'openai-stt' failed (HTTP 500): The server had an error")
                .hasCauseInstanceOf(ProviderException.class);
        StepVerifier.create(session.sendAudio(tone(20))).expectErrorMessage("the VAD session is closed").verify();
    }

    @Test
    void aTextToSpeechFailureEndsTheSessionNamingTheStep() {
        session = session(stt("Tell me about Paris"),
                (text, voice, speed) -> Flux.error(new ProviderException("openai-tts", 401, "no API key is configured")));
        EventRecorder events = new EventRecorder(session.events());

        session.sendText("Paris?").block();

        assertThat(events.failure()).isInstanceOf(DuplexSessionException.class)
                .hasMessage("text-to-speech failed: Provider 'openai-tts' failed (HTTP 401): no API key is configured");
    }

    @Test
    void aFailedTextTurnEndsTheSessionNamingTheStep() {
        session = new VadDuplexSession(VadModeConfig.DEFAULTS, (audio, language) -> stt("Tell me about Paris").apply(audio),
                tts(1, Duration.ZERO),
                text -> Flux.error(new IllegalStateException("the pack has no such prompt")));
        EventRecorder events = new EventRecorder(session.events());

        speakUntilClosed(silence(300), tone(500), silence(1000));

        events.until(InputTranscript.class);
        assertThat(events.failure()).hasMessage("the text turn failed: the pack has no such prompt");
    }

    @Test
    void imagesVideoAndToolResultsAreRefused() {
        session = session(stt("unused"), tts(1, Duration.ZERO));

        StepVerifier.create(session.sendImage(new ImageFrame(new byte[] {1}, "image/png", 1, 1, 0)))
                .expectErrorSatisfies(error -> assertThat(error).isInstanceOf(DuplexSessionException.class)
                        .hasMessageStartingWith("VAD mode does not take images or video"))
                .verify();
        StepVerifier.create(session.sendVideo(new VideoChunk(new byte[] {1}, "video/mp4", 0)))
                .expectErrorSatisfies(error -> assertThat(error).isInstanceOf(DuplexSessionException.class)
                        .hasMessageStartingWith("VAD mode does not take images or video"))
                .verify();
        StepVerifier.create(session.sendToolResult(ToolResult.success("call_1", "get_weather", "{}", 1)))
                .expectErrorSatisfies(error -> assertThat(error).isInstanceOf(DuplexSessionException.class)
                        .hasMessageStartingWith("VAD mode has no tool calls to answer"))
                .verify();
    }

    @Test
    void closingCancelsTheAnswerAndCompletesTheEvents() throws InterruptedException {
        session = session(stt("Tell me about Paris"), tts(50, Duration.ofMillis(50)));
        EventRecorder events = new EventRecorder(session.events());
        session.sendText("Paris?").block();
        events.until(AudioDelta.class);

        session.close();
        session.close();

        events.awaitComplete();
        assertThat(speechCancelled.await(2, TimeUnit.SECONDS)).as("the speech synthesis was cancelled").isTrue();
        StepVerifier.create(session.sendText("more")).expectErrorMessage("the VAD session is closed").verify();
        assertThat(conversation.messages()).hasSize(2);
    }

    @Test
    void aSubscriberThatWaitsForAnotherThreadSendingAudioDoesNotDeadlockTheSession() throws Exception {
        session = session(stt("unused"), tts(2, Duration.ZERO));
        ExecutorService microphone = Executors.newSingleThreadExecutor();
        List<String> late = new CopyOnWriteArrayList<>();
        CompletableFuture<List<DuplexEvent>> turn = session.events().doOnNext(event -> {
            Future<?> sent = microphone.submit(() -> session.sendAudio(silence(20)).block());
            try {
                sent.get(late.isEmpty() ? 2 : 0, TimeUnit.SECONDS);
            }
            catch (ExecutionException | InterruptedException | TimeoutException blocked) {
                late.add(kind(event));
            }
        }).takeUntil(TurnComplete.class::isInstance).collectList().toFuture();

        session.sendText("What about Paris?").block();

        assertThat(turn.get(10, TimeUnit.SECONDS)).last().isInstanceOf(TurnComplete.class);
        assertThat(late).as("events during which the audio could not be sent within 2 s").isEmpty();
        microphone.shutdownNow();
    }

    private VadDuplexSession session(Function<AudioChunk, Mono<Transcript>> stt, TtsService tts) {
        conversation = conversation();
        return new VadDuplexSession(VadModeConfig.DEFAULTS, (audio, language) -> {
            assertThat(language).isEqualTo("en");
            return stt.apply(audio);
        }, tts, conversation.textTurnRunner());
    }

    private Function<AudioChunk, Mono<Transcript>> stt(String... transcripts) {
        return audio -> {
            transcribed.add(audio);
            return Mono.just(new Transcript(transcripts[Math.min(transcribed.size(), transcripts.length) - 1]));
        };
    }

    /** Speaks each sentence as {@code chunks} chunks of 100 ms, each after {@code delay}. */
    private TtsService tts(int chunks, Duration delay) {
        return (text, voice, speed) -> {
            assertThat(voice).isEqualTo("alloy");
            assertThat(speed).isEqualTo(1.0);
            spoken.add(text);
            return Flux.range(0, chunks).map(i -> new AudioChunk(new byte[4800], TTS_FORMAT))
                    .delayElements(delay.isZero() ? Duration.ofNanos(1) : delay)
                    .doOnCancel(speechCancelled::countDown);
        };
    }

    private static Conversation conversation() {
        MockProvider mock = MockProvider.builder().script(MockScript.parse("""
                rules:
                  - match: "paris"
                    response: "%s"
                defaultResponse: "Could you say that again?"
                """.formatted(ANSWER))).build();
        return PromptKit.open(PACK, "assistant", ConversationOptions.builder().provider(mock).build());
    }

    private void speak(AudioChunk... pieces) {
        for (AudioChunk piece : pieces) {
            for (AudioChunk chunk : SpokenAudio.chunks(Pcm16.toSamples(piece.data()), MIC, 20)) {
                session.sendAudio(chunk).block();
            }
        }
    }

    /** Speaks like {@link #speak} until the session refuses audio because it failed and closed. */
    private void speakUntilClosed(AudioChunk... pieces) {
        try {
            speak(pieces);
        }
        catch (DuplexSessionException closed) {
            assertThat(closed).hasMessage("the VAD session is closed");
        }
    }

    private static AudioChunk tone(int millis) {
        short[] mono = Pcm16.sine(220, MIC.sampleRate(), MIC.sampleRate() * millis / 1000, 0.3);
        return stereo(mono);
    }

    private static AudioChunk silence(int millis) {
        return stereo(new short[MIC.sampleRate() * millis / 1000]);
    }

    private static AudioChunk stereo(short[] mono) {
        return new AudioChunk(Pcm16.toBytes(Pcm16.upmix(mono, 2)), MIC);
    }

    private static <T extends DuplexEvent> String text(List<DuplexEvent> events, Class<T> type,
            Function<T, String> text, String separator) {
        return events.stream().filter(type::isInstance).map(type::cast).map(text).collect(Collectors.joining(separator));
    }

    private static String kind(DuplexEvent event) {
        return event.getClass().getSimpleName();
    }
}
