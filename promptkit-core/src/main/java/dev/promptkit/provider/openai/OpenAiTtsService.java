/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.provider.openai;

import dev.promptkit.duplex.AudioChunk;
import dev.promptkit.duplex.AudioFormat;
import dev.promptkit.duplex.PcmFramer;
import dev.promptkit.provider.ProviderException;
import dev.promptkit.provider.http.StreamRequest;
import dev.promptkit.speech.TtsService;
import java.util.Map;
import org.springframework.http.MediaType;
import reactor.core.publisher.Flux;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * OpenAI text-to-speech ({@code POST {base}/audio/speech}) with {@code response_format: "pcm"}: the answer is
 * raw 24 kHz mono PCM16, streamed as it is synthesised, and passed on in chunks of whole samples as it arrives.
 * Works with {@code gpt-4o-mini-tts} (the default), {@code tts-1}, {@code tts-1-hd} and compatible servers.
 *
 * <pre>{@code
 * OpenAiTtsService tts = OpenAiTtsService.builder()
 *         .settings(HttpProviderSettings.builder().apiKey(System.getenv("OPENAI_API_KEY")).build())
 *         .build();
 * }</pre>
 *
 * <p>Failures are {@link ProviderException}s naming the service ({@value #DEFAULT_NAME} by default), with the
 * HTTP status and OpenAI's message, never the key; a failure before the first byte of audio is retried under the
 * settings' retry policy. Close the service to release its connections.
 *
 * @since 0.1.0
 */
public final class OpenAiTtsService implements TtsService, AutoCloseable {

    public static final String DEFAULT_NAME = "openai-tts";
    public static final String DEFAULT_MODEL = "gpt-4o-mini-tts";
    /** The format of OpenAI's {@code pcm} audio. */
    public static final AudioFormat FORMAT = AudioFormat.PCM16_24KHZ_MONO;
    /** The longest input OpenAI takes in one request. */
    public static final int MAX_INPUT_CHARS = 4096;

    private static final String PATH = "/audio/speech";

    private final OpenAiAudioClient client;

    private OpenAiTtsService(OpenAiSpeechBuilder<OpenAiTtsService> builder) {
        this.client = builder.client();
    }

    /** A builder of this service; only the API key (in the settings) is usually needed. */
    public static OpenAiSpeechBuilder<OpenAiTtsService> builder() {
        return new OpenAiSpeechBuilder<>(DEFAULT_NAME, DEFAULT_MODEL, OpenAiTtsService::new);
    }

    @Override
    public Flux<AudioChunk> synthesize(String text, String voice, double speed) {
        return Flux.defer(() -> {
            if (text.length() > MAX_INPUT_CHARS) {
                return Flux.error(ProviderException.unsupported(client.name, "the text is " + text.length()
                        + " characters long; OpenAI speaks at most " + MAX_INPUT_CHARS + " at once"));
            }
            ObjectNode body = JsonMapper.shared().createObjectNode()
                    .put("model", client.model)
                    .put("input", text)
                    .put("voice", voice)
                    .put("speed", speed)
                    .put("response_format", "pcm");
            PcmFramer framer = new PcmFramer(FORMAT);
            return client.http.streamBytes(new StreamRequest(PATH, Map.of(), client.authentication, body), MediaType.ALL)
                    .concatMapIterable(piece -> framer.next(piece).stream().toList());
        });
    }

    /** Closes the service's connection pool. */
    @Override
    public void close() {
        client.close();
    }
}
