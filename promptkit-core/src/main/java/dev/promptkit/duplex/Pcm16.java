package dev.promptkit.duplex;

import java.time.Duration;

/**
 * Small conversions of PCM16 audio: to another sample rate and channel count (channels averaged or
 * duplicated, samples linearly interpolated, each chunk on its own), and generated silence or tones.
 * Enough for a realtime provider to meet its wire format; not a studio-grade resampler.
 */
public final class Pcm16 {

    private static final double TONE_AMPLITUDE = 0.2 * Short.MAX_VALUE;

    private Pcm16() {
    }

    /** {@code chunk} in {@code target}'s sample rate and channel count; the chunk itself when it already is. */
    public static AudioChunk convert(AudioChunk chunk, AudioFormat target) {
        AudioFormat source = chunk.format();
        if (source.equals(target)) {
            return chunk;
        }
        short[] mono = toMono(chunk.data(), source.channels());
        short[] resampled = source.sampleRate() == target.sampleRate() ? mono
                : resample(mono, source.sampleRate(), target.sampleRate());
        return new AudioChunk(toBytes(resampled, target.channels()), target);
    }

    /** {@code duration} of silence in {@code format}. */
    public static AudioChunk silence(AudioFormat format, Duration duration) {
        return new AudioChunk(new byte[frames(format, duration) * 2 * format.channels()], format);
    }

    /** {@code duration} of a sine tone of {@code frequencyHz} at a fifth of full scale, in {@code format}. */
    public static AudioChunk tone(AudioFormat format, Duration duration, double frequencyHz) {
        short[] samples = new short[frames(format, duration)];
        for (int i = 0; i < samples.length; i++) {
            samples[i] = (short) Math.round(TONE_AMPLITUDE * Math.sin(2 * Math.PI * frequencyHz * i / format.sampleRate()));
        }
        return new AudioChunk(toBytes(samples, format.channels()), format);
    }

    private static int frames(AudioFormat format, Duration duration) {
        return (int) (duration.toNanos() * format.sampleRate() / 1_000_000_000L);
    }

    private static short[] toMono(byte[] data, int channels) {
        short[] mono = new short[data.length / (2 * channels)];
        for (int frame = 0; frame < mono.length; frame++) {
            int sum = 0;
            for (int channel = 0; channel < channels; channel++) {
                int offset = (frame * channels + channel) * 2;
                sum += (short) ((data[offset] & 0xFF) | (data[offset + 1] << 8));
            }
            mono[frame] = (short) (sum / channels);
        }
        return mono;
    }

    private static short[] resample(short[] samples, int fromRate, int toRate) {
        int length = (int) ((long) samples.length * toRate / fromRate);
        short[] out = new short[length];
        for (int i = 0; i < length; i++) {
            double position = (double) i * fromRate / toRate;
            int before = (int) position;
            int after = Math.min(before + 1, samples.length - 1);
            double weight = position - before;
            out[i] = (short) Math.round(samples[before] * (1 - weight) + samples[after] * weight);
        }
        return out;
    }

    private static byte[] toBytes(short[] mono, int channels) {
        byte[] bytes = new byte[mono.length * 2 * channels];
        for (int frame = 0; frame < mono.length; frame++) {
            for (int channel = 0; channel < channels; channel++) {
                int offset = (frame * channels + channel) * 2;
                bytes[offset] = (byte) mono[frame];
                bytes[offset + 1] = (byte) (mono[frame] >> 8);
            }
        }
        return bytes;
    }
}
