/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.autoconfigure.voice;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How duplex (voice) conversations are set up, under {@code promptkit.voice.*}.
 *
 * @param mode {@code asm} (the provider's realtime protocol) or {@code vad} (speech-to-text, a text turn,
 *     text-to-speech); when unset, {@code asm} if the default provider has a realtime protocol, else {@code vad}
 *     when the application defines {@code SttService} and {@code TtsService} beans
 * @param voice the voice the model answers with; when unset, the provider's own in ASM mode, {@code alloy} in VAD mode
 * @param audioOutput whether the model answers with speech (else in text only)
 * @param inputAudio the format of the audio the application sends
 * @param vad how VAD mode listens and speaks
 * @param openai the OpenAI speech-to-text and text-to-speech services of VAD mode
 * @param speakTextAnswers whether text conversations speak their answers: stream() also yields AUDIO chunks, each
 *     sentence synthesised by the TtsService bean (OpenAI's unless the application defines one) in the configured
 *     voice at promptkit.voice.vad.speed
 *
 * @since 0.1.0
 */
@ConfigurationProperties("promptkit.voice")
public record PromptKitVoiceProperties(VoiceMode mode, String voice, @DefaultValue("true") boolean audioOutput,
        @DefaultValue InputAudio inputAudio, @DefaultValue Vad vad, @DefaultValue OpenAi openai,
        @DefaultValue("false") boolean speakTextAnswers) {

    /**
     * The audio the application sends into a session: mono or interleaved PCM16 at this rate.
     *
     * @param sampleRate samples per second
     * @param channels interleaved channels
     */
    public record InputAudio(@DefaultValue("16000") int sampleRate, @DefaultValue("1") int channels) {
    }

    /**
     * VAD mode's turn detection, speech-to-text and text-to-speech settings.
     *
     * @param silenceDuration how long the user must be silent for the turn to end
     * @param minSpeechDuration the least speech that counts as a turn (shorter sounds are ignored)
     * @param maxTurnDuration the longest turn: a user still speaking then is answered
     * @param sampleRate the rate, in Hz, at which the user's audio is analysed and transcribed
     * @param language the language spoken, as an ISO-639-1 code, passed to speech-to-text
     * @param speed the speed of the synthesised speech, 1.0 being normal
     */
    public record Vad(@DefaultValue("800ms") Duration silenceDuration, @DefaultValue("200ms") Duration minSpeechDuration,
            @DefaultValue("30s") Duration maxTurnDuration, @DefaultValue("16000") int sampleRate,
            @DefaultValue("en") String language, @DefaultValue("1.0") double speed) {
    }

    /**
     * The OpenAI audio endpoints ({@code /audio/transcriptions}, {@code /audio/speech}) of VAD mode. The key and
     * base URL fall back to the {@code openai} provider's (the default provider when it is of type {@code openai},
     * else the first such), then to {@code OPENAI_API_KEY} and {@code OPENAI_BASE_URL}.
     *
     * @param baseUrl the API's base URL (OpenAI's when unset), for compatible servers
     * @param apiKey the API key (prefer an environment variable or a secret store to plain text)
     * @param sttModel the speech-to-text model
     * @param ttsModel the text-to-speech model
     */
    public record OpenAi(String baseUrl, String apiKey, @DefaultValue("gpt-4o-mini-transcribe") String sttModel,
            @DefaultValue("gpt-4o-mini-tts") String ttsModel) {

        @Override
        public String toString() {
            return "OpenAi[baseUrl=" + baseUrl + ", apiKey=" + (apiKey == null ? "none" : "******") + ", sttModel="
                    + sttModel + ", ttsModel=" + ttsModel + "]";
        }
    }
}
