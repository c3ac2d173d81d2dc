/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.duplex;

/**
 * The shape of raw audio: signed 16-bit little-endian PCM at {@code sampleRate} Hz with {@code channels}
 * interleaved channels. PCM16 is the only encoding the duplex layer moves; codecs are converted at the edge.
 *
 * @since 0.1.0
 */
public record AudioFormat(int sampleRate, int channels) {

    /** 16 kHz mono: what speech-to-text and voice-activity detection expect. */
    public static final AudioFormat PCM16_16KHZ_MONO = new AudioFormat(16_000, 1);

    /** 24 kHz mono: what OpenAI Realtime and Gemini Live speak. */
    public static final AudioFormat PCM16_24KHZ_MONO = new AudioFormat(24_000, 1);

    public AudioFormat {
        if (sampleRate <= 0) {
            throw new IllegalArgumentException("sampleRate must be positive, was " + sampleRate);
        }
        if (channels <= 0) {
            throw new IllegalArgumentException("channels must be positive, was " + channels);
        }
    }

    /** Bytes per second of audio in this format. */
    public int bytesPerSecond() {
        return sampleRate * channels * 2;
    }
}
