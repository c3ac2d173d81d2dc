/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.autoconfigure.voice;

import dev.promptkit.duplex.AudioFormat;
import dev.promptkit.provider.DuplexProvider;
import dev.promptkit.provider.Provider;
import dev.promptkit.provider.openai.OpenAiSttService;
import dev.promptkit.provider.openai.OpenAiTtsService;
import dev.promptkit.sdk.ConversationOptions;
import dev.promptkit.sdk.DuplexOptions;
import dev.promptkit.speech.SttService;
import dev.promptkit.speech.TtsService;
import dev.promptkit.voice.TurnDetectorFactory;
import dev.promptkit.voice.VadModeConfig;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The voice settings in effect: the {@link VoiceMode} ({@code promptkit.voice.mode}, or the one the default provider
 * and the speech services allow), the {@link DuplexOptions} of every duplex conversation and, in VAD mode, its
 * {@link VadModeConfig} and speech services. Described for {@code /actuator/promptkit} with keys masked.
 *
 * @since 0.1.0
 */
public final class VoiceSettings {

    private final PromptKitVoiceProperties properties;
    private final VoiceMode mode;
    private final DuplexOptions duplex;
    private final SttService stt;
    private final TtsService tts;
    private final OpenAiSpeechEndpoint openAi;
    private final TurnDetectorFactory turnDetectors;

    /** @param turnDetectors the application's detectors for VAD mode; {@code null} for the silence detector */
    VoiceSettings(PromptKitVoiceProperties properties, Provider defaultProvider, SttService stt, TtsService tts,
            OpenAiSpeechEndpoint openAi, TurnDetectorFactory turnDetectors) {
        this.properties = properties;
        this.mode = mode(properties.mode(), defaultProvider, stt != null && tts != null);
        if (properties.speakTextAnswers() && tts == null) {
            throw new IllegalStateException("promptkit.voice.speak-text-answers=true needs one TtsService bean");
        }
        this.duplex = duplexOptions(properties);
        this.stt = stt;
        this.tts = tts;
        this.openAi = openAi;
        this.turnDetectors = turnDetectors;
    }

    private static VoiceMode mode(VoiceMode configured, Provider defaultProvider, boolean speechServices) {
        if (configured == VoiceMode.VAD && !speechServices) {
            throw new IllegalStateException("promptkit.voice.mode=vad needs one SttService and one TtsService bean");
        }
        if (configured != null) {
            return configured;
        }
        return DuplexProvider.of(defaultProvider).isEmpty() && speechServices ? VoiceMode.VAD : VoiceMode.ASM;
    }

    private static DuplexOptions duplexOptions(PromptKitVoiceProperties properties) {
        PromptKitVoiceProperties.InputAudio input = properties.inputAudio();
        DuplexOptions options = DuplexOptions.DEFAULTS.withVoice(properties.voice())
                .withInputAudioFormat(new AudioFormat(input.sampleRate(), input.channels()));
        return properties.audioOutput() ? options : options.textOnly();
    }

    public VoiceMode mode() {
        return mode;
    }

    /** VAD mode's listening and speaking settings; empty in ASM mode. */
    public Optional<VadModeConfig> vadModeConfig() {
        if (mode != VoiceMode.VAD) {
            return Optional.empty();
        }
        PromptKitVoiceProperties.Vad vad = properties.vad();
        return Optional.of(VadModeConfig.builder().silenceDuration(vad.silenceDuration())
                .minSpeechDuration(vad.minSpeechDuration()).maxTurnDuration(vad.maxTurnDuration())
                .sampleRate(vad.sampleRate()).language(vad.language()).voice(speechVoice())
                .speed(vad.speed()).build());
    }

    private String speechVoice() {
        return properties.voice() != null ? properties.voice() : VadModeConfig.DEFAULTS.voice();
    }

    /**
     * Sets these settings on the options of the {@code Conversations} bean: the session options, VAD mode and its
     * turn detector, and speech on text turns.
     */
    void applyTo(ConversationOptions.Builder options) {
        options.duplex(duplex);
        if (turnDetectors != null) {
            options.turnDetector(turnDetectors);
        }
        vadModeConfig().ifPresent(vad -> options.vadMode(vad, stt, tts));
        if (properties.speakTextAnswers()) {
            options.tts(tts, speechVoice(), properties.vad().speed());
        }
    }

    /** The mode, the session options and, in VAD mode, the detection settings and speech services. */
    public Map<String, Object> describe() {
        Map<String, Object> description = new LinkedHashMap<>();
        description.put("mode", mode.name().toLowerCase(Locale.ROOT));
        description.put("voice", duplex.voice() != null ? duplex.voice() : "provider default");
        description.put("audioOutput", duplex.audioOutput());
        description.put("inputAudio", duplex.inputAudioFormat().sampleRate() + " Hz, "
                + duplex.inputAudioFormat().channels() + " channel(s), PCM16");
        vadModeConfig().ifPresent(vad -> {
            Map<String, Object> detection = new LinkedHashMap<>();
            detection.put("silenceDuration", vad.silenceDuration().toMillis() + "ms");
            detection.put("minSpeechDuration", vad.minSpeechDuration().toMillis() + "ms");
            detection.put("maxTurnDuration", vad.maxTurnDuration().toMillis() + "ms");
            detection.put("sampleRate", vad.sampleRate());
            detection.put("language", vad.language());
            detection.put("voice", vad.voice());
            detection.put("speed", vad.speed());
            detection.put("turnDetector", turnDetectors == null ? "silence" : turnDetectors.getClass().getName());
            description.put("vad", detection);
            description.put("stt", stt.getClass().getSimpleName());
            description.put("tts", tts.getClass().getSimpleName());
            if (openAi != null && (stt instanceof OpenAiSttService || tts instanceof OpenAiTtsService)) {
                Map<String, Object> endpoint = new LinkedHashMap<>(openAi.describe());
                endpoint.put("sttModel", properties.openai().sttModel());
                endpoint.put("ttsModel", properties.openai().ttsModel());
                description.put("openai", endpoint);
            }
        });
        if (properties.speakTextAnswers()) {
            description.put("textAnswersSpokenBy", tts.getClass().getSimpleName());
        }
        return description;
    }
}
