/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.voice;

import dev.promptkit.duplex.AudioFormat;
import java.time.Duration;
import java.util.Objects;

/**
 * How a VAD-mode voice session listens and speaks; the defaults are the seed's {@code VADModeConfig}.
 *
 * @param silenceDuration how long the user must be silent for the turn to end (800 ms)
 * @param minSpeechDuration the least speech that counts as a turn; shorter sounds (a cough, a click) are
 *        ignored (200 ms)
 * @param maxTurnDuration the longest turn: a user still speaking then is cut off and answered (30 s)
 * @param sampleRate the rate, in Hz, at which the user's audio is analysed and transcribed; audio sent in
 *        another format is converted to mono at this rate (16 kHz)
 * @param language the language spoken, as an ISO-639-1 code, passed to speech-to-text ("en")
 * @param voice the voice text-to-speech answers with ("alloy")
 * @param speed the speed of the synthesised speech, 1.0 being normal (1.0)
 *
 * @since 0.1.0
 */
public record VadModeConfig(Duration silenceDuration, Duration minSpeechDuration, Duration maxTurnDuration,
        int sampleRate, String language, String voice, double speed) {

    /** The seed's defaults. */
    public static final VadModeConfig DEFAULTS = new VadModeConfig(Duration.ofMillis(800), Duration.ofMillis(200),
            Duration.ofSeconds(30), 16_000, "en", "alloy", 1.0);

    public VadModeConfig {
        requirePositive(silenceDuration, "silenceDuration");
        requirePositive(minSpeechDuration, "minSpeechDuration");
        requirePositive(maxTurnDuration, "maxTurnDuration");
        if (minSpeechDuration.compareTo(maxTurnDuration) >= 0) {
            throw new IllegalArgumentException("minSpeechDuration (" + minSpeechDuration
                    + ") must be shorter than maxTurnDuration (" + maxTurnDuration + ")");
        }
        if (sampleRate <= 0) {
            throw new IllegalArgumentException("sampleRate must be positive, was " + sampleRate);
        }
        Objects.requireNonNull(language, "language");
        Objects.requireNonNull(voice, "voice");
        if (!(speed > 0)) {
            throw new IllegalArgumentException("speed must be positive, was " + speed);
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The format the user's audio is analysed in: mono PCM16 at {@link #sampleRate()}. */
    public AudioFormat inputFormat() {
        return new AudioFormat(sampleRate, 1);
    }

    private static void requirePositive(Duration duration, String name) {
        if (duration == null || duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException(name + " must be a positive duration, was " + duration);
        }
    }

    /** Builds a {@link VadModeConfig}; anything not set keeps its default. */
    public static final class Builder {
        private Duration silenceDuration = DEFAULTS.silenceDuration;
        private Duration minSpeechDuration = DEFAULTS.minSpeechDuration;
        private Duration maxTurnDuration = DEFAULTS.maxTurnDuration;
        private int sampleRate = DEFAULTS.sampleRate;
        private String language = DEFAULTS.language;
        private String voice = DEFAULTS.voice;
        private double speed = DEFAULTS.speed;

        private Builder() {
        }

        public Builder silenceDuration(Duration silenceDuration) {
            this.silenceDuration = silenceDuration;
            return this;
        }

        public Builder minSpeechDuration(Duration minSpeechDuration) {
            this.minSpeechDuration = minSpeechDuration;
            return this;
        }

        public Builder maxTurnDuration(Duration maxTurnDuration) {
            this.maxTurnDuration = maxTurnDuration;
            return this;
        }

        public Builder sampleRate(int sampleRate) {
            this.sampleRate = sampleRate;
            return this;
        }

        public Builder language(String language) {
            this.language = language;
            return this;
        }

        public Builder voice(String voice) {
            this.voice = voice;
            return this;
        }

        public Builder speed(double speed) {
            this.speed = speed;
            return this;
        }

        public VadModeConfig build() {
            return new VadModeConfig(silenceDuration, minSpeechDuration, maxTurnDuration, sampleRate, language, voice,
                    speed);
        }
    }
}
