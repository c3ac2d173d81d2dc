/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.duplex;

import java.time.Duration;

/**
 * Signed 16-bit little-endian PCM, the audio of the duplex layer: bytes to samples and back, channel down- and
 * upmixing, the loudness of a stretch of samples (RMS, and RMS in dBFS, where a full-scale square wave is
 * 0 dBFS), and generated tones and silence. Sample rates are changed by a {@link Resampler}, whole streams
 * converted by an {@link AudioConverter}.
 *
 * @since 0.1.0
 */
public final class Pcm16 {

    /** The level reported for digital silence, below any real recording's noise. */
    public static final double SILENCE_DBFS = -96;

    private static final double FULL_SCALE = 32768;
    private static final double TONE_AMPLITUDE = 0.2;

    private Pcm16() {
    }

    /** The samples in {@code bytes}, two bytes each, low byte first. */
    public static short[] toSamples(byte[] bytes) {
        if (bytes.length % 2 != 0) {
            throw new IllegalArgumentException("PCM16 needs an even number of bytes, got " + bytes.length);
        }
        short[] samples = new short[bytes.length / 2];
        for (int i = 0; i < samples.length; i++) {
            samples[i] = (short) ((bytes[2 * i] & 0xff) | (bytes[2 * i + 1] << 8));
        }
        return samples;
    }

    /** The bytes of {@code samples}, low byte first. */
    public static byte[] toBytes(short[] samples) {
        byte[] bytes = new byte[samples.length * 2];
        for (int i = 0; i < samples.length; i++) {
            bytes[2 * i] = (byte) samples[i];
            bytes[2 * i + 1] = (byte) (samples[i] >> 8);
        }
        return bytes;
    }

    /** Mono samples from {@code channels} interleaved channels, each the mean of its frame. */
    public static short[] downmix(short[] interleaved, int channels) {
        if (channels == 1) {
            return interleaved;
        }
        if (interleaved.length % channels != 0) {
            throw new IllegalArgumentException(interleaved.length + " samples are not whole frames of " + channels
                    + " channels");
        }
        short[] mono = new short[interleaved.length / channels];
        for (int frame = 0; frame < mono.length; frame++) {
            int sum = 0;
            for (int channel = 0; channel < channels; channel++) {
                sum += interleaved[frame * channels + channel];
            }
            mono[frame] = (short) Math.round((double) sum / channels);
        }
        return mono;
    }

    /** {@code channels} interleaved channels, each a copy of {@code mono}. */
    public static short[] upmix(short[] mono, int channels) {
        if (channels == 1) {
            return mono;
        }
        short[] interleaved = new short[mono.length * channels];
        for (int i = 0; i < interleaved.length; i++) {
            interleaved[i] = mono[i / channels];
        }
        return interleaved;
    }

    /** The root mean square of {@code samples[from, to)}, in sample units (0 to 32768). */
    public static double rms(short[] samples, int from, int to) {
        if (to <= from) {
            return 0;
        }
        double sum = 0;
        for (int i = from; i < to; i++) {
            sum += (double) samples[i] * samples[i];
        }
        return Math.sqrt(sum / (to - from));
    }

    /** An RMS level in dBFS, never below {@link #SILENCE_DBFS}. */
    public static double dbfs(double rms) {
        return rms <= 0 ? SILENCE_DBFS : Math.max(SILENCE_DBFS, 20 * Math.log10(rms / FULL_SCALE));
    }

    /** A sample from a value that may lie outside the 16-bit range, rounded and clipped. */
    public static short clip(double value) {
        return (short) Math.max(Short.MIN_VALUE, Math.min(Short.MAX_VALUE, Math.round(value)));
    }

    /** {@code count} mono samples of a sine of {@code frequencyHz} at {@code amplitude} (a fraction of full scale). */
    public static short[] sine(double frequencyHz, int sampleRate, int count, double amplitude) {
        short[] sine = new short[count];
        for (int i = 0; i < count; i++) {
            sine[i] = clip(amplitude * Short.MAX_VALUE * Math.sin(2 * Math.PI * frequencyHz * i / sampleRate));
        }
        return sine;
    }

    /** {@code duration} of a sine tone of {@code frequencyHz} at a fifth of full scale, in {@code format}. */
    public static AudioChunk tone(AudioFormat format, Duration duration, double frequencyHz) {
        short[] mono = sine(frequencyHz, format.sampleRate(), frames(format, duration), TONE_AMPLITUDE);
        return new AudioChunk(toBytes(upmix(mono, format.channels())), format);
    }

    /** {@code duration} of silence in {@code format}. */
    public static AudioChunk silence(AudioFormat format, Duration duration) {
        return new AudioChunk(new byte[frames(format, duration) * 2 * format.channels()], format);
    }

    private static int frames(AudioFormat format, Duration duration) {
        return (int) (duration.toNanos() * format.sampleRate() / 1_000_000_000L);
    }
}
