/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.autoconfigure.voice;

import static org.assertj.core.api.Assertions.assertThat;

import dev.promptkit.autoconfigure.PromptKitContextRunners;
import dev.promptkit.duplex.AudioFormat;
import dev.promptkit.duplex.Pcm16;
import dev.promptkit.provider.openai.OpenAiTtsService;
import dev.promptkit.sdk.Conversation;
import dev.promptkit.sdk.Conversations;
import dev.promptkit.sdk.StreamChunk;
import dev.promptkit.speech.SttService;
import dev.promptkit.speech.TtsService;
import dev.promptkit.voice.SilenceTurnDetector;
import dev.promptkit.voice.TurnDetectorFactory;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okio.Buffer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import reactor.core.publisher.Flux;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A {@link TurnDetectorFactory} bean, and {@code promptkit.voice.speak-text-answers}. */
class VoiceDetectorAndTextSpeechTests {

    private static final byte[] SPEECH = Pcm16.toBytes(Pcm16.sine(330, 24_000, 12_000, 0.1));
    private static final TtsService OWN_TTS = (text, voice, speed) -> Flux.just(Pcm16.tone(AudioFormat.PCM16_24KHZ_MONO,
            Duration.ofMillis(50), 440));

    private final ApplicationContextRunner contextRunner = PromptKitContextRunners.withMockProvider();

    private MockWebServer openAi;

    @BeforeEach
    void startOpenAi() throws Exception {
        openAi = new MockWebServer();
        openAi.start();
    }

    @AfterEach
    void stopOpenAi() {
        openAi.close();
    }

    @Test
    void aTurnDetectorFactoryBeanReplacesTheSilenceDetectorOfEveryConversation() {
        TurnDetectorFactory own = config -> new SilenceTurnDetector(config, Duration.ofMillis(30));
        contextRunner.withPropertyValues("promptkit.voice.mode=vad")
                .withBean(SttService.class, () -> (audio, language) -> null).withBean(TtsService.class, () -> OWN_TTS)
                .withBean(TurnDetectorFactory.class, () -> own)
                .run(context -> {
                    assertThat(context.getBean(Conversations.class).defaults().voice().turnDetectors()).isSameAs(own);
                    assertThat(context.getBean(VoiceSettings.class).describe().get("vad")).asString()
                            .contains("turnDetector=" + own.getClass().getName());
                });
        contextRunner.run(context -> assertThat(context.getBean(Conversations.class).defaults().voice().turnDetectors())
                .isSameAs(TurnDetectorFactory.SILENCE));
    }

    @Test
    void speakTextAnswersMakesOpenAisSpeechServiceSpeakTheStreamedAnswer() throws Exception {
        openAi.enqueue(new MockResponse.Builder().addHeader("Content-Type", "audio/pcm")
                .body(new Buffer().write(SPEECH)).build());
        contextRunner.withPropertyValues("promptkit.voice.speak-text-answers=true", "promptkit.voice.voice=nova",
                "promptkit.voice.openai.api-key=sk-test-voice", "promptkit.voice.openai.base-url=" + openAi.url("/v1"))
                .run(context -> {
                    assertThat(context).hasSingleBean(OpenAiTtsService.class).doesNotHaveBean(SttService.class);
                    assertThat(context.getBean(VoiceSettings.class).mode()).isEqualTo(VoiceMode.ASM);
                    Conversation chat = context.getBean(Conversations.class).open("faq");

                    List<StreamChunk> chunks = chat.stream("Hello").collectList().block(Duration.ofSeconds(10));

                    assertThat(chunks).extracting(StreamChunk::type).containsSubsequence(StreamChunk.Type.TEXT,
                            StreamChunk.Type.AUDIO, StreamChunk.Type.DONE);
                    assertThat(chunks.stream().filter(chunk -> chunk.type() == StreamChunk.Type.AUDIO)
                            .mapToInt(chunk -> chunk.audio().data().length).sum()).isEqualTo(SPEECH.length);
                    RecordedRequest request = openAi.takeRequest(5, TimeUnit.SECONDS);
                    assertThat(request.getTarget()).isEqualTo("/v1/audio/speech");
                    JsonNode body = JsonMapper.shared().readTree(request.getBody().utf8());
                    assertThat(body.path("input").stringValue()).isEqualTo("Done.");
                    assertThat(body.path("voice").stringValue()).isEqualTo("nova");
                    chat.close();
                });
    }

    @Test
    void speakTextAnswersWithoutOneTextToSpeechServiceFailsStartUpNamingTheProperty() {
        contextRunner.withPropertyValues("promptkit.voice.speak-text-answers=true")
                .withBean("first", TtsService.class, () -> OWN_TTS).withBean("second", TtsService.class, () -> OWN_TTS)
                .run(context -> assertThat(context).hasFailed().getFailure().rootCause()
                        .hasMessage("promptkit.voice.speak-text-answers=true needs one TtsService bean"));
    }
}
