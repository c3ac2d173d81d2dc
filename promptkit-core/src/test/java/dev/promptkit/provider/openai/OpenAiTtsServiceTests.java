/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.provider.openai;

import static org.assertj.core.api.Assertions.assertThat;

import dev.promptkit.duplex.AudioChunk;
import dev.promptkit.provider.ProviderException;
import dev.promptkit.provider.http.HttpProviderSettings;
import dev.promptkit.provider.http.RetryPolicy;
import dev.promptkit.test.http.CloseTiming;
import dev.promptkit.test.http.ConnectionConduct;
import dev.promptkit.test.http.ConnectionEnding;
import dev.promptkit.test.http.LoopbackHttpServer;
import dev.promptkit.test.http.LoopbackResponse;
import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import mockwebserver3.SocketEffect;
import okio.Buffer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import reactor.test.StepVerifier;
import tools.jackson.databind.json.JsonMapper;

class OpenAiTtsServiceTests {

    private static final String API_KEY = "sk-test-tts-0123456789abcdef";
    private static final RetryPolicy QUICK_RETRIES = new RetryPolicy(2, Duration.ofMillis(1), Duration.ofMillis(5),
            Duration.ofMillis(5), 0, 0);

    @RegisterExtension
    final AudioUpstream upstream = new AudioUpstream();
    private OpenAiTtsService tts;

    @AfterEach
    void close() {
        tts.close();
    }

    @Test
    void postsTheDocumentedJsonAndStreamsPcmInWholeSamplesAsItArrives() throws InterruptedException {
        byte[] audio = pcm(4801);
        upstream.enqueue(AudioUpstream.pcm(audio, 333, 64));
        tts = service(API_KEY).build();

        List<AudioChunk> chunks = tts.synthesize("Hello! It is sunny in Paris.", "alloy", 1.0).collectList().block();

        assertThat(chunks).hasSizeGreaterThan(3).allSatisfy(chunk -> {
            assertThat(chunk.format()).isEqualTo(OpenAiTtsService.FORMAT);
            assertThat(chunk.data().length % 2).isZero();
        });
        ByteArrayOutputStream joined = new ByteArrayOutputStream();
        chunks.forEach(chunk -> joined.writeBytes(chunk.data()));
        assertThat(joined.toByteArray()).as("all but the odd last byte").containsExactly(
                Arrays.copyOf(audio, audio.length - 1));
        RecordedRequest request = upstream.takeRequest();
        assertThat(request.getTarget()).isEqualTo("/v1/audio/speech");
        assertThat(request.getHeaders().get("Authorization")).isEqualTo("Bearer " + API_KEY);
        assertThat(request.getHeaders().get("Content-Type")).isEqualTo("application/json");
        assertThat(JsonMapper.shared().readTree(request.getBody().utf8())).isEqualTo(JsonMapper.shared().readTree("""
                {"model": "gpt-4o-mini-tts", "input": "Hello! It is sunny in Paris.", "voice": "alloy", "speed": 1.0,
                 "response_format": "pcm"}"""));
    }

    @Test
    void sendsTheModelVoiceAndSpeedAsked() throws InterruptedException {
        upstream.enqueue(AudioUpstream.pcm(pcm(480), 480, 480));
        tts = service(API_KEY).model("tts-1").build();

        tts.synthesize("Faster.", "nova", 1.25).blockLast();

        assertThat(JsonMapper.shared().readTree(upstream.takeRequest().getBody().utf8())).isEqualTo(
                JsonMapper.shared().readTree("""
                        {"model": "tts-1", "input": "Faster.", "voice": "nova", "speed": 1.25, "response_format": "pcm"}"""));
    }

    @Test
    void aForbiddenKeyIsReportedWithTheServiceStatusAndMessageButNeverTheKey() {
        upstream.enqueue(AudioUpstream.error(403, "Project does not have access to model gpt-4o-mini-tts",
                "invalid_request_error"));
        tts = service(API_KEY).build();

        StepVerifier.create(tts.synthesize("Hi.", "alloy", 1.0))
                .expectErrorSatisfies(error -> assertThat(error).isInstanceOf(ProviderException.class)
                        .hasMessage("Provider 'openai-tts' failed (HTTP 403): the API key is not permitted to make this "
                                + "request: Project does not have access to model gpt-4o-mini-tts"))
                .verify();
    }

    @Test
    void withoutAKeyA401SaysThatNoneIsConfigured() {
        upstream.enqueue(AudioUpstream.error(401, "You didn't provide an API key.", "invalid_request_error"));
        tts = service(null).build();

        StepVerifier.create(tts.synthesize("Hi.", "alloy", 1.0))
                .expectErrorMessage("Provider 'openai-tts' failed (HTTP 401): no API key is configured: "
                        + "You didn't provide an API key.")
                .verify();
    }

    @Test
    void aServerErrorBeforeAnyAudioIsRetried() {
        upstream.enqueue(AudioUpstream.error(500, "The server had an error while processing your request.",
                "server_error"), AudioUpstream.pcm(pcm(960), 960, 960));
        tts = service(API_KEY).build();

        StepVerifier.create(tts.synthesize("Hi.", "alloy", 1.0).map(chunk -> chunk.data().length).reduce(0, Integer::sum))
                .expectNext(960)
                .verifyComplete();
        assertThat(upstream.requestCount()).isEqualTo(2);
    }

    @Test
    void speechSurvivesAServerThatEndsEachConnectionAfterOneRequest() {
        byte[] audio = pcm(960);
        try (LoopbackHttpServer speech = LoopbackHttpServer.start(ConnectionConduct.builder()
                .maxRequestsPerConnection(1, false).ending(ConnectionEnding.CLOSE, CloseTiming.AS_NEXT_REQUEST_ARRIVES)
                .build(), request -> new LoopbackResponse(200, Map.of("Content-Type", "application/octet-stream"),
                        audio, -1, null))) {
            tts = OpenAiTtsService.builder().settings(HttpProviderSettings.builder().baseUrl(speech.url("/v1"))
                    .apiKey(API_KEY).retry(RetryPolicy.DISABLED).build()).build();

            // a call reuses the last call's connection once the pool has it back: call until two have
            for (int i = 0; i < 20 && speech.requestsDroppedOnReusedConnections() < 2; i++) {
                assertThat(tts.synthesize("Sunny.", "alloy", 1.0).map(chunk -> chunk.data().length)
                        .reduce(0, Integer::sum).block(Duration.ofSeconds(10))).isEqualTo(audio.length);
            }

            assertThat(speech.requestsDroppedOnReusedConnections()).as("met with retries disabled").isEqualTo(2);
        }
    }

    @Test
    void audioCutOffAfterItStartedIsNotRetried() {
        byte[] audio = pcm(4000);
        upstream.enqueue(new MockResponse.Builder().addHeader("Content-Type", "audio/pcm")
                .body(new Buffer().write(audio).write(audio)).onResponseBody(new SocketEffect.CloseSocket()).build());
        tts = service(API_KEY).build();

        StepVerifier.create(tts.synthesize("Hi.", "alloy", 1.0))
                .thenConsumeWhile(chunk -> true)
                .expectErrorSatisfies(error -> assertThat(error).isInstanceOf(ProviderException.class)
                        .hasMessageContaining("openai-tts"))
                .verify();
        assertThat(upstream.requestCount()).isEqualTo(1);
    }

    @Test
    void textLongerThanOpenAiTakesFailsBeforeAnyRequest() {
        tts = service(API_KEY).build();

        StepVerifier.create(tts.synthesize("a".repeat(4097), "alloy", 1.0))
                .expectErrorMessage("Provider 'openai-tts' failed: the text is 4097 characters long; "
                        + "OpenAI speaks at most 4096 at once")
                .verify();
        assertThat(upstream.requestCount()).isZero();
    }

    private static byte[] pcm(int length) {
        byte[] audio = new byte[length];
        for (int i = 0; i < length; i++) {
            audio[i] = (byte) (i * 31);
        }
        return audio;
    }

    private OpenAiSpeechBuilder<OpenAiTtsService> service(String apiKey) {
        return OpenAiTtsService.builder().settings(HttpProviderSettings.builder().baseUrl(upstream.baseUrl())
                .apiKey(apiKey).retry(QUICK_RETRIES).build());
    }
}
