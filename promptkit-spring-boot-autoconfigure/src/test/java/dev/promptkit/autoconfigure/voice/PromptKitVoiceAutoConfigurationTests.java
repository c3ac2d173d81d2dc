/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.autoconfigure.voice;

import static org.assertj.core.api.Assertions.assertThat;

import dev.promptkit.autoconfigure.PromptKitContextRunners;
import dev.promptkit.autoconfigure.actuate.PromptKitActuatorAutoConfiguration;
import dev.promptkit.autoconfigure.actuate.PromptKitEndpoint;
import dev.promptkit.duplex.AudioChunk;
import dev.promptkit.duplex.AudioFormat;
import dev.promptkit.duplex.Pcm16;
import dev.promptkit.provider.ProviderException;
import dev.promptkit.provider.openai.OpenAiSttService;
import dev.promptkit.provider.openai.OpenAiTtsService;
import dev.promptkit.sdk.Conversation;
import dev.promptkit.sdk.Conversations;
import dev.promptkit.sdk.DuplexConversation;
import dev.promptkit.sdk.DuplexOptions;
import dev.promptkit.sdk.StreamChunk;
import dev.promptkit.sdk.VadMode;
import dev.promptkit.speech.SttService;
import dev.promptkit.speech.Transcript;
import dev.promptkit.speech.TtsService;
import dev.promptkit.voice.VadModeConfig;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

class PromptKitVoiceAutoConfigurationTests {

    private static final String KEY = "sk-test-VOICE-SECRET-7";
    private static final AudioChunk SPEECH = Pcm16.tone(AudioFormat.PCM16_16KHZ_MONO, Duration.ofMillis(100), 300);
    private static final SttService OWN_STT = (audio, language) -> Mono.just(new Transcript("hello"));
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
    void onAProviderWithADuplexModeAsmIsTheDefaultAndNoSpeechServicesAreMade() {
        contextRunner.run(context -> {
            VoiceSettings settings = context.getBean(VoiceSettings.class);
            assertThat(settings.mode()).isEqualTo(VoiceMode.ASM);
            assertThat(settings.vadModeConfig()).isEmpty();
            assertThat(context).doesNotHaveBean(SttService.class).doesNotHaveBean(TtsService.class);
            assertThat(context.getBean(Conversations.class).defaults().voice().duplex()).isEqualTo(DuplexOptions.DEFAULTS);
            assertThat(context.getBean(Conversations.class).defaults().voice().vadMode()).isNull();
        });
    }

    @Test
    void voicePropertiesShapeTheDuplexOptionsOfEveryConversation() {
        contextRunner.withPropertyValues("promptkit.voice.voice=marin", "promptkit.voice.audio-output=false",
                "promptkit.voice.input-audio.sample-rate=24000", "promptkit.voice.input-audio.channels=2")
                .run(context -> {
                    DuplexOptions duplex = context.getBean(Conversations.class).defaults().voice().duplex();
                    assertThat(duplex.voice()).isEqualTo("marin");
                    assertThat(duplex.audioOutput()).isFalse();
                    assertThat(duplex.inputAudioFormat()).isEqualTo(new AudioFormat(24_000, 2));
                });
    }

    @Test
    void vadModeMakesOpenAiSpeechServicesWithTheVoiceKeyAndTheDetectionSettings() throws Exception {
        contextRunner.withPropertyValues("promptkit.voice.mode=vad", "promptkit.voice.openai.api-key=" + KEY,
                "promptkit.voice.openai.base-url=" + openAi.url("/v1"), "promptkit.voice.openai.stt-model=whisper-1",
                "promptkit.voice.vad.silence-duration=500ms", "promptkit.voice.vad.language=fr",
                "promptkit.voice.vad.speed=1.25").run(context -> {
                    assertThat(context).hasSingleBean(OpenAiSttService.class).hasSingleBean(OpenAiTtsService.class);
                    VoiceSettings settings = context.getBean(VoiceSettings.class);
                    assertThat(settings.mode()).isEqualTo(VoiceMode.VAD);
                    assertThat(settings.vadModeConfig()).contains(VadModeConfig.builder()
                            .silenceDuration(Duration.ofMillis(500)).language("fr").speed(1.25).build());

                    RecordedRequest request = transcribe(context);
                    assertThat(request.getHeaders().get("Authorization")).isEqualTo("Bearer " + KEY);
                    assertThat(request.getTarget()).isEqualTo("/v1/audio/transcriptions");
                    assertThat(request.getBody().utf8()).contains("whisper-1");
                });
    }

    @Test
    void theSpeechKeyFallsBackToTheOpenAiProvidersKeyAndBaseUrl() throws Exception {
        contextRunner.withPropertyValues("promptkit.voice.mode=vad", "promptkit.providers.openai.api-key=" + KEY,
                "promptkit.providers.openai.base-url=" + openAi.url("/v1")).run(context -> {
                    assertThat(transcribe(context).getHeaders().get("Authorization")).isEqualTo("Bearer " + KEY);
                    assertThat(context.getBean(OpenAiSpeechEndpoint.class).keySource())
                            .isEqualTo("promptkit.providers.openai.api-key");
                });
    }

    @Test
    void theSpeechKeyFallsBackToTheEnvironment() throws Exception {
        contextRunner.withPropertyValues("promptkit.voice.mode=vad", "OPENAI_API_KEY=" + KEY,
                "OPENAI_BASE_URL=" + openAi.url("/v1")).run(context -> {
                    assertThat(transcribe(context).getHeaders().get("Authorization")).isEqualTo("Bearer " + KEY);
                    assertThat(context.getBean(OpenAiSpeechEndpoint.class).keySource()).isEqualTo("OPENAI_API_KEY");
                });
    }

    @Test
    void theApplicationsSpeechServicesReplaceOpenAis() {
        contextRunner.withPropertyValues("promptkit.voice.mode=vad")
                .withBean("ownStt", SttService.class, () -> OWN_STT).withBean("ownTts", TtsService.class, () -> OWN_TTS)
                .run(context -> {
                    assertThat(context).doesNotHaveBean(OpenAiSttService.class).doesNotHaveBean(OpenAiTtsService.class);
                    assertThat(context.getBean(SttService.class)).isSameAs(OWN_STT);
                    assertThat(context.getBean(VoiceSettings.class).mode()).isEqualTo(VoiceMode.VAD);
                });
    }

    @Test
    void inVadModeDuplexConversationsListenTranscribeAnswerInATextTurnAndSpeak() {
        contextRunner.withPropertyValues("promptkit.voice.mode=vad", "promptkit.voice.vad.silence-duration=300ms")
                .withBean("ownStt", SttService.class, () -> OWN_STT).withBean("ownTts", TtsService.class, () -> OWN_TTS)
                .run(context -> {
                    Conversations conversations = context.getBean(Conversations.class);
                    assertThat(conversations.defaults().voice().vadMode()).isEqualTo(new VadMode(VadModeConfig.builder()
                            .silenceDuration(Duration.ofMillis(300)).build(), OWN_STT, OWN_TTS));
                    DuplexConversation voice = conversations.openDuplex("faq");
                    CompletableFuture<List<StreamChunk>> turn = voice.response()
                            .takeUntil(chunk -> chunk.type() == StreamChunk.Type.TURN_COMPLETE).collectList().toFuture();

                    voice.sendChunk(Pcm16.silence(AudioFormat.PCM16_16KHZ_MONO, Duration.ofMillis(300)));
                    voice.sendChunk(Pcm16.tone(AudioFormat.PCM16_16KHZ_MONO, Duration.ofMillis(600), 220));
                    voice.triggerStart();

                    List<StreamChunk> chunks = turn.get(10, TimeUnit.SECONDS);
                    assertThat(chunks.get(0)).isEqualTo(StreamChunk.inputTranscript("hello"));
                    assertThat(chunks).extracting(StreamChunk::type).contains(StreamChunk.Type.TEXT,
                            StreamChunk.Type.AUDIO);
                    assertThat(chunks.get(chunks.size() - 1).response().text()).isEqualTo("Done.");
                    voice.close();
                });
    }

    @Test
    void withoutAModeAProviderWithoutDuplexUsesVadWhenTheApplicationHasSpeechServices() {
        ApplicationContextRunner anthropic = contextRunner.withPropertyValues(
                "promptkit.providers.claude.type=anthropic", "promptkit.providers.claude.api-key=" + KEY,
                "promptkit.providers.claude.base-url=http://127.0.0.1:9");
        anthropic.run(context -> assertThat(context.getBean(VoiceSettings.class).mode()).isEqualTo(VoiceMode.ASM));
        anthropic.withBean("ownStt", SttService.class, () -> OWN_STT).withBean("ownTts", TtsService.class, () -> OWN_TTS)
                .run(context -> assertThat(context.getBean(VoiceSettings.class).mode()).isEqualTo(VoiceMode.VAD));
    }

    @Test
    void theSpeechServicesAreClosedWithTheContext() {
        AtomicReference<OpenAiSttService> stt = new AtomicReference<>();
        contextRunner.withPropertyValues("promptkit.voice.mode=vad", "promptkit.voice.openai.base-url="
                + openAi.url("/v1")).run(context -> stt.set(context.getBean(OpenAiSttService.class)));

        assertThat(stt.get()).isNotNull();
        assertThat(stt.get().transcribe(SPEECH, "en").map(Transcript::text).onErrorResume(ProviderException.class,
                closed -> Mono.just(closed.getMessage())).block(Duration.ofSeconds(5))).contains("closed");
        assertThat(openAi.getRequestCount()).isZero();
    }

    @Test
    void keysAreMaskedInTheSettingsTheirToStringAndTheActuator() {
        contextRunner.withConfiguration(AutoConfigurations.of(PromptKitActuatorAutoConfiguration.class))
                .withPropertyValues("promptkit.voice.mode=vad", "promptkit.voice.openai.api-key=" + KEY,
                        "management.endpoints.web.exposure.include=promptkit")
                .run(context -> {
                    Object voice = context.getBean(PromptKitEndpoint.class).describe().get("voice");
                    assertThat(voice).asString().contains("mode=vad", "apiKey=******",
                            "keySource=promptkit.voice.openai.api-key", "sttModel=gpt-4o-mini-transcribe",
                            "stt=OpenAiSttService", "silenceDuration=800ms", "voice=alloy").doesNotContain(KEY);
                    assertThat(context.getBean(PromptKitVoiceProperties.class).toString()).contains("apiKey=******")
                            .doesNotContain(KEY);
                    assertThat(context.getBean(OpenAiSpeechEndpoint.class).toString()).doesNotContain(KEY);
                });
    }

    private RecordedRequest transcribe(AssertableApplicationContext context) throws InterruptedException {
        openAi.enqueue(new MockResponse.Builder().addHeader("Content-Type", "application/json")
                .body("{\"text\":\"hello\"}").build());
        Transcript heard = context.getBean(SttService.class).transcribe(SPEECH, "en").block(Duration.ofSeconds(10));
        assertThat(heard).isEqualTo(new Transcript("hello"));
        return openAi.takeRequest(5, TimeUnit.SECONDS);
    }
}
