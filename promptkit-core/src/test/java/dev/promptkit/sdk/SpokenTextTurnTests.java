/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.sdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import dev.promptkit.duplex.Pcm16;
import dev.promptkit.pack.Pack;
import dev.promptkit.pack.PackLoader;
import dev.promptkit.provider.http.HttpProviderSettings;
import dev.promptkit.provider.http.RetryPolicy;
import dev.promptkit.provider.mock.MockProvider;
import dev.promptkit.provider.mock.MockScript;
import dev.promptkit.provider.openai.AudioUpstream;
import dev.promptkit.provider.openai.OpenAiTtsService;
import dev.promptkit.sdk.StreamChunk.Type;
import dev.promptkit.speech.TtsService;
import dev.promptkit.state.InMemoryStateStore;
import dev.promptkit.test.Await;
import dev.promptkit.types.Message;
import dev.promptkit.types.Role;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import reactor.test.StepVerifier;
import tools.jackson.databind.json.JsonMapper;

/** {@code tts(...)} on a text conversation: OpenAI text-to-speech on a loopback fake, the answer from the mock. */
class SpokenTextTurnTests {

    private static final Pack PACK = PackLoader.load(Path.of("src/test/resources/tools/tools.pack.json"));
    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final String FIRST = "It is 18 degrees and sunny in Paris.";
    private static final String SECOND = "Take your sunglasses with you when you go out this afternoon!";
    private static final String ANSWER = FIRST + " " + SECOND;
    /** A fifth of a second of a 24 kHz tone: what the fake speaks for each sentence. */
    private static final byte[] SENTENCE_AUDIO = Pcm16.toBytes(Pcm16.sine(330, 24_000, 12_000, 0.2));

    @RegisterExtension
    final AudioUpstream upstream = new AudioUpstream();
    private final List<RecordedRequest> speechRequests = new CopyOnWriteArrayList<>();
    private final InMemoryStateStore store = new InMemoryStateStore();
    private OpenAiTtsService tts;
    private Conversation conversation;

    @AfterEach
    void close() {
        conversation.close();
        tts.close();
    }

    @Test
    void streamYieldsEachSentencesAudioInOrderWhileTheTextStreamsThenDone() {
        fakeSpeech(10_000);
        conversation = open(tts, Duration.ofMillis(40));

        List<StreamChunk> chunks = conversation.stream("What is the weather in Paris?").collectList().block(TIMEOUT);

        List<Type> types = chunks.stream().map(StreamChunk::type).toList();
        assertThat(types.indexOf(Type.AUDIO)).as("the first sentence is spoken while the text still streams")
                .isBetween(types.indexOf(Type.TEXT), types.lastIndexOf(Type.TEXT));
        assertThat(types).last().isEqualTo(Type.DONE);
        assertThat(types).doesNotContain(Type.SPEECH_FAILED);
        assertThat(DuplexChunks.text(chunks, Type.TEXT)).isEqualTo(ANSWER);
        assertThat(chunks).filteredOn(chunk -> chunk.type() == Type.AUDIO)
                .allSatisfy(chunk -> assertThat(chunk.audio().format()).isEqualTo(OpenAiTtsService.FORMAT));
        assertThat(chunks.stream().filter(chunk -> chunk.type() == Type.AUDIO)
                .mapToInt(chunk -> chunk.audio().data().length).sum()).isEqualTo(2 * SENTENCE_AUDIO.length);
        assertThat(speechRequests).extracting(request -> json(request, "input")).containsExactly(FIRST, SECOND);
        assertThat(speechRequests).extracting(request -> json(request, "voice")).containsOnly("nova");
        assertThat(chunks.get(chunks.size() - 1).response().text()).isEqualTo(ANSWER);
        assertThat(conversation.messages()).extracting(Message::role, Message::text)
                .containsExactly(tuple(Role.USER, "What is the weather in Paris?"), tuple(Role.ASSISTANT, ANSWER));
    }

    @Test
    void aFailingSpeechServiceIsReportedOnceAndTheTextTurnIsAnsweredAndStored() {
        upstream.dispatch(request -> {
            speechRequests.add(request);
            return AudioUpstream.error(500, "The server had an error while processing your request.", "server_error");
        });
        tts = OpenAiTtsService.builder().settings(HttpProviderSettings.builder().baseUrl(upstream.baseUrl())
                .apiKey("sk-test-voice").retry(RetryPolicy.DISABLED).build()).build();
        conversation = open(tts, Duration.ZERO);

        List<StreamChunk> chunks = conversation.stream("What is the weather in Paris?").collectList().block(TIMEOUT);

        assertThat(chunks).filteredOn(chunk -> chunk.type() == Type.SPEECH_FAILED).singleElement()
                .extracting(StreamChunk::text).asString()
                .startsWith("Text-to-speech failed at sentence 1; the rest of the answer is text only: ")
                .contains("500").contains("The server had an error").doesNotContain("sk-test-voice");
        assertThat(chunks).noneMatch(chunk -> chunk.type() == Type.AUDIO);
        assertThat(chunks.get(chunks.size() - 1).type()).isEqualTo(Type.DONE);
        assertThat(chunks.get(chunks.size() - 1).response().text()).isEqualTo(ANSWER);
        assertThat(speechRequests).as("the second sentence is not tried").hasSize(1);
        assertThat(conversation.messages()).extracting(Message::text)
                .containsExactly("What is the weather in Paris?", ANSWER);
    }

    @Test
    void cancellingTheStreamStopsTheSpeechInProgressAndStoresNothing() {
        fakeSpeech(1);
        AtomicInteger cancelled = new AtomicInteger();
        TtsService watched = (text, voice, speed) -> tts.synthesize(text, voice, speed)
                .doOnCancel(cancelled::incrementAndGet);
        conversation = open(watched, Duration.ofMillis(40));

        StepVerifier.create(conversation.stream("What is the weather in Paris?"))
                .thenConsumeWhile(chunk -> chunk.type() != Type.AUDIO)
                .expectNextMatches(chunk -> chunk.type() == Type.AUDIO)
                .thenCancel()
                .verify(TIMEOUT);

        Await.until("the speech in progress is cancelled", TIMEOUT, () -> cancelled.get() == 1);
        assertThat(speechRequests).hasSize(1);
        assertThat(conversation.messages()).isEmpty();
    }

    @Test
    void sendAnswersInTextOnly() {
        fakeSpeech(10_000);
        conversation = open(tts, Duration.ZERO);

        assertThat(conversation.send("What is the weather in Paris?").text()).isEqualTo(ANSWER);
        assertThat(speechRequests).isEmpty();
    }

    /** OpenAI's {@code /v1/audio/speech}: {@link #SENTENCE_AUDIO} at {@code bytesPerMilli}. */
    private void fakeSpeech(long bytesPerMilli) {
        upstream.dispatch(request -> {
            if (!request.getTarget().equals("/v1/audio/speech")) {
                return new MockResponse.Builder().code(404).build();
            }
            speechRequests.add(request);
            return AudioUpstream.pcm(SENTENCE_AUDIO, 1_001, bytesPerMilli);
        });
        tts = OpenAiTtsService.builder().settings(HttpProviderSettings.builder().baseUrl(upstream.baseUrl())
                .apiKey("sk-test-voice").build()).build();
    }

    private Conversation open(TtsService speech, Duration chunkDelay) {
        MockProvider mock = MockProvider.builder().chunkDelay(chunkDelay).script(MockScript.parse("""
                rules:
                  - match: "weather in paris"
                    response: "%s"
                """.formatted(ANSWER))).build();
        return PromptKit.open(PACK, "assistant", ConversationOptions.builder().provider(mock).stateStore(store)
                .tts(speech, "nova", 1.0).build());
    }

    private static String json(RecordedRequest request, String field) {
        return JsonMapper.shared().readTree(request.getBody().utf8()).path(field).stringValue();
    }
}
