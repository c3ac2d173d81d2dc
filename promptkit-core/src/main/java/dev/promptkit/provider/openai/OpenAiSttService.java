/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.provider.openai;

import dev.promptkit.duplex.AudioChunk;
import dev.promptkit.duplex.WavFile;
import dev.promptkit.provider.ProviderException;
import dev.promptkit.speech.SttService;
import dev.promptkit.speech.Transcript;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import org.springframework.http.MediaType;
import org.springframework.http.client.MultipartBodyBuilder;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * OpenAI speech-to-text ({@code POST {base}/audio/transcriptions}): uploads the utterance as a WAV file in a
 * {@code multipart/form-data} body with the model, the language and {@code response_format=json}, and reads the
 * {@code text} of the answer. Works with {@code gpt-4o-mini-transcribe} (the default), {@code gpt-4o-transcribe},
 * {@code whisper-1} and compatible servers.
 *
 * <pre>{@code
 * OpenAiSttService stt = OpenAiSttService.builder()
 *         .settings(HttpProviderSettings.builder().apiKey(System.getenv("OPENAI_API_KEY")).build())
 *         .build();
 * }</pre>
 *
 * <p>Failures are {@link ProviderException}s naming the service ({@value #DEFAULT_NAME} by default), with the
 * HTTP status and OpenAI's message, never the key; failures a retry may cure are retried under the settings'
 * retry policy. Close the service to release its connections.
 *
 * @since 0.1.0
 */
public final class OpenAiSttService implements SttService, AutoCloseable {

    public static final String DEFAULT_NAME = "openai-stt";
    public static final String DEFAULT_MODEL = "gpt-4o-mini-transcribe";

    private static final String PATH = "/audio/transcriptions";
    private static final MediaType WAV = MediaType.parseMediaType("audio/wav");

    private final OpenAiAudioClient client;

    private OpenAiSttService(OpenAiSpeechBuilder<OpenAiSttService> builder) {
        this.client = builder.client();
    }

    /** A builder of this service; only the API key (in the settings) is usually needed. */
    public static OpenAiSpeechBuilder<OpenAiSttService> builder() {
        return new OpenAiSpeechBuilder<>(DEFAULT_NAME, DEFAULT_MODEL, OpenAiSttService::new);
    }

    @Override
    public Mono<Transcript> transcribe(AudioChunk audio, String language) {
        return Mono.defer(() -> {
            MultipartBodyBuilder form = new MultipartBodyBuilder();
            form.part("file", WavFile.of(audio), WAV).filename("speech.wav");
            form.part("model", client.model);
            if (language != null && !language.isBlank()) {
                form.part("language", language);
            }
            form.part("response_format", "json");
            return client.http.streamBytes(PATH, client.authentication, form.build(), MediaType.APPLICATION_JSON)
                    .collect(ByteArrayOutputStream::new, ByteArrayOutputStream::writeBytes)
                    .map(body -> read(body.toString(StandardCharsets.UTF_8)));
        });
    }

    private Transcript read(String body) {
        JsonNode text;
        try {
            text = JsonMapper.shared().readTree(body).path("text");
        }
        catch (RuntimeException notJson) {
            throw client.failures.invalidAnswer(200, "the response is not JSON", body, notJson);
        }
        if (!text.isString()) {
            throw client.failures.invalidAnswer(200, "the response has no text", body, null);
        }
        return new Transcript(text.stringValue().strip());
    }

    /** Closes the service's connection pool. */
    @Override
    public void close() {
        client.close();
    }
}
