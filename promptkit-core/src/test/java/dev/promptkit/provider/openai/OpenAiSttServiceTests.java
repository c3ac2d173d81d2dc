/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.provider.openai;

import static org.assertj.core.api.Assertions.assertThat;

import dev.promptkit.duplex.AudioChunk;
import dev.promptkit.duplex.AudioFormat;
import dev.promptkit.duplex.Pcm16;
import dev.promptkit.duplex.WavFile;
import dev.promptkit.provider.ProviderException;
import dev.promptkit.provider.http.HttpProviderSettings;
import dev.promptkit.provider.http.RetryPolicy;
import dev.promptkit.speech.Transcript;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import reactor.test.StepVerifier;

class OpenAiSttServiceTests {

    private static final String API_KEY = "sk-test-stt-0123456789abcdef";
    private static final String KEY_BODY = "0123456789abcdef";
    private static final RetryPolicy QUICK_RETRIES = new RetryPolicy(2, Duration.ofMillis(1), Duration.ofMillis(5),
            Duration.ofMillis(5), 0, 0);
    private static final AudioChunk SPEECH = new AudioChunk(Pcm16.toBytes(new short[] {0, 1200, -1200, 32767, -32768,
        7}), AudioFormat.PCM16_16KHZ_MONO);

    @RegisterExtension
    final AudioUpstream upstream = new AudioUpstream();
    private OpenAiSttService stt;

    @AfterEach
    void close() {
        stt.close();
    }

    @Test
    void uploadsTheUtteranceAsAWavFileWithModelLanguageAndJsonFormat() throws Exception {
        upstream.enqueue(AudioUpstream.json(200, """
                {"text": " What is the weather in Paris? ",
                 "usage": {"type": "tokens", "input_tokens": 14, "output_tokens": 8, "total_tokens": 22}}"""));
        stt = service(API_KEY).build();

        StepVerifier.create(stt.transcribe(SPEECH, "en"))
                .expectNext(new Transcript("What is the weather in Paris?"))
                .verifyComplete();

        RecordedRequest request = upstream.takeRequest();
        assertThat(request.getMethod()).isEqualTo("POST");
        assertThat(request.getTarget()).isEqualTo("/v1/audio/transcriptions");
        assertThat(request.getHeaders().get("Authorization")).isEqualTo("Bearer " + API_KEY);
        assertThat(request.getHeaders().get("Content-Type")).startsWith("multipart/form-data;").contains("boundary=");
        Map<String, AudioUpstream.Part> parts = AudioUpstream.parts(request);
        assertThat(parts).containsOnlyKeys("file", "model", "language", "response_format");
        AudioUpstream.Part file = parts.get("file");
        assertThat(file.disposition()).contains("filename=\"speech.wav\"");
        assertThat(file.contentType()).isEqualTo("audio/wav");
        ByteBuffer wav = ByteBuffer.wrap(file.body()).order(ByteOrder.LITTLE_ENDIAN);
        assertThat(new String(file.body(), 0, 4)).isEqualTo("RIFF");
        assertThat(new String(file.body(), 8, 4)).isEqualTo("WAVE");
        assertThat(wav.getShort(20)).as("PCM").isEqualTo((short) 1);
        assertThat(wav.getShort(22)).as("mono").isEqualTo((short) 1);
        assertThat(wav.getInt(24)).as("sample rate").isEqualTo(16_000);
        assertThat(wav.getShort(34)).as("bits").isEqualTo((short) 16);
        assertThat(wav.getInt(40)).as("data size").isEqualTo(SPEECH.data().length);
        assertThat(Arrays.copyOfRange(file.body(), WavFile.HEADER_BYTES, file.body().length))
                .containsExactly(SPEECH.data());
        assertThat(parts.get("model").text()).isEqualTo("gpt-4o-mini-transcribe");
        assertThat(parts.get("language").text()).isEqualTo("en");
        assertThat(parts.get("response_format").text()).isEqualTo("json");
    }

    @Test
    void anotherModelAndNoLanguageLetTheServiceGuess() throws Exception {
        upstream.enqueue(AudioUpstream.json(200, "{\"text\": \"Bonjour.\"}"));
        stt = service(API_KEY).model("whisper-1").build();

        assertThat(stt.transcribe(SPEECH, null).block()).isEqualTo(new Transcript("Bonjour."));

        Map<String, AudioUpstream.Part> parts = AudioUpstream.parts(upstream.takeRequest());
        assertThat(parts).containsOnlyKeys("file", "model", "response_format");
        assertThat(parts.get("model").text()).isEqualTo("whisper-1");
    }

    @Test
    void aRejectedKeyIsReportedWithTheServiceStatusAndMessageButNeverTheKeyEvenWithoutItsPrefix() {
        upstream.enqueue(AudioUpstream.error(401, "Incorrect API key provided: " + KEY_BODY
                + ". You can find your API key at https://platform.openai.com/account/api-keys.", "invalid_request_error"));
        stt = service(API_KEY).build();

        StepVerifier.create(stt.transcribe(SPEECH, "en"))
                .expectErrorSatisfies(error -> {
                    assertThat(error).isInstanceOf(ProviderException.class);
                    assertThat(((ProviderException) error).statusCode()).isEqualTo(401);
                    assertThat(error.getMessage()).contains("openai-stt", "401", "the API key is invalid or revoked",
                            "Incorrect API key provided: [redacted].").doesNotContain(KEY_BODY);
                })
                .verify();
        assertThat(upstream.requestCount()).as("not retried").isEqualTo(1);
    }

    @Test
    void withoutAKeyA401SaysThatNoneIsConfigured() throws InterruptedException {
        upstream.enqueue(AudioUpstream.error(401, "You didn't provide an API key.", "invalid_request_error"));
        stt = service(null).build();

        StepVerifier.create(stt.transcribe(SPEECH, "en"))
                .expectErrorMessage("Provider 'openai-stt' failed (HTTP 401): no API key is configured: "
                        + "You didn't provide an API key.")
                .verify();
        assertThat(upstream.takeRequest().getHeaders().get("Authorization")).isNull();
    }

    @Test
    void aServerErrorIsRetriedWithTheSameUpload() throws Exception {
        upstream.enqueue(AudioUpstream.error(500, "The server had an error while processing your request.",
                "server_error"), AudioUpstream.json(200, "{\"text\": \"Hello.\"}"));
        stt = service(API_KEY).build();

        assertThat(stt.transcribe(SPEECH, "en").block()).isEqualTo(new Transcript("Hello."));

        byte[] first = AudioUpstream.parts(upstream.takeRequest()).get("file").body();
        byte[] second = AudioUpstream.parts(upstream.takeRequest()).get("file").body();
        assertThat(second).containsExactly(first);
    }

    @Test
    void serverErrorsThatOutlastTheRetriesEndWithTheUpstreamMessage() {
        for (int i = 0; i < 3; i++) {
            upstream.enqueue(AudioUpstream.error(500, "The server had an error while processing your request.",
                    "server_error"));
        }
        stt = service(API_KEY).build();

        StepVerifier.create(stt.transcribe(SPEECH, "en"))
                .expectErrorMessage("Provider 'openai-stt' failed (HTTP 500): "
                        + "The server had an error while processing your request.")
                .verify();
        assertThat(upstream.requestCount()).isEqualTo(3);
    }

    @Test
    void anAnswerWithoutTextIsAnError() {
        upstream.enqueue(AudioUpstream.json(200, "{\"transcript\": \"Hello.\"}"));
        stt = service(API_KEY).build();

        StepVerifier.create(stt.transcribe(SPEECH, "en"))
                .expectErrorMessage("Provider 'openai-stt' failed (HTTP 200): the response has no text: "
                        + "{\"transcript\": \"Hello.\"}")
                .verify();
    }

    private OpenAiSpeechBuilder<OpenAiSttService> service(String apiKey) {
        return OpenAiSttService.builder().settings(HttpProviderSettings.builder().baseUrl(upstream.baseUrl())
                .apiKey(apiKey).retry(QUICK_RETRIES).build());
    }
}
