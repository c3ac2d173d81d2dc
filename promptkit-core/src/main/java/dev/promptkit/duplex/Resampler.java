/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.duplex;

import java.util.Arrays;

/**
 * Changes the sample rate of a mono PCM16 stream with a windowed-sinc (band-limited) interpolator: each output
 * sample is the sum of the input samples around its position, weighted by a sinc cut off below the lower of the
 * two Nyquist frequencies and tapered by a Blackman window over {@value #ZERO_CROSSINGS} zero crossings a side.
 * Downsampling therefore filters out what the new rate cannot carry instead of folding it back as aliasing, and
 * any pair of rates works (8, 16, 24, 44.1, 48 kHz...) with exact rational positions, so long streams do not drift.
 *
 * <p>One instance resamples one stream, chunk by chunk: {@link #process} returns what the input so far
 * determines (the output lags the input by the filter's half width, about a millisecond), {@link #flush} the rest
 * once the stream ends. In total a stream of {@code n} samples gives {@code ceil(n * to / from)} samples. Not
 * thread-safe.
 *
 * @since 0.1.0
 */
public final class Resampler {

    private static final int ZERO_CROSSINGS = 16;
    private static final int TABLE_STEPS_PER_UNIT = 512;
    /** The cut-off as a fraction of the lower Nyquist frequency, leaving room for the filter's transition band. */
    private static final double CUTOFF_FRACTION = 0.9;
    private static final double[] KERNEL = kernelTable();

    private final long step;
    private final long outRate;
    private final double cutoff;
    private final int halfWidth;
    private final boolean passThrough;

    private short[] buffer = new short[0];
    /** The absolute index, in the input stream, of {@code buffer[0]}. */
    private long bufferStart;
    private int buffered;
    private long inputCount;
    private long outputCount;
    /** The position of the next output sample in the input stream: {@code index + fraction / outRate}. */
    private long index;
    private long fraction;

    /**
     * @param fromRate the sample rate of the input, in Hz
     * @param toRate the sample rate wanted, in Hz
     */
    public Resampler(int fromRate, int toRate) {
        if (fromRate <= 0 || toRate <= 0) {
            throw new IllegalArgumentException("sample rates must be positive, were " + fromRate + " and " + toRate);
        }
        long gcd = gcd(fromRate, toRate);
        this.step = fromRate / gcd;
        this.outRate = toRate / gcd;
        this.cutoff = CUTOFF_FRACTION * Math.min(1.0, (double) toRate / fromRate);
        this.halfWidth = (int) Math.ceil(ZERO_CROSSINGS / cutoff);
        this.passThrough = fromRate == toRate;
    }

    /** Resamples a whole recording at once. */
    public static short[] resample(short[] samples, int fromRate, int toRate) {
        Resampler resampler = new Resampler(fromRate, toRate);
        short[] head = resampler.process(samples);
        short[] tail = resampler.flush();
        short[] all = Arrays.copyOf(head, head.length + tail.length);
        System.arraycopy(tail, 0, all, head.length, tail.length);
        return all;
    }

    /** Takes the next input samples and returns the output samples they complete. */
    public short[] process(short[] samples) {
        if (passThrough) {
            return samples.clone();
        }
        append(samples);
        return produce(false);
    }

    /** Ends the stream: returns the output samples still owed, as if silence followed. */
    public short[] flush() {
        return passThrough ? new short[0] : produce(true);
    }

    private void append(short[] samples) {
        if (buffered + samples.length > buffer.length) {
            buffer = Arrays.copyOf(buffer, Math.max(2 * buffer.length, buffered + samples.length));
        }
        System.arraycopy(samples, 0, buffer, buffered, samples.length);
        buffered += samples.length;
        inputCount += samples.length;
    }

    private short[] produce(boolean end) {
        long owed = end ? ceilDiv(inputCount * outRate, step) - outputCount : Long.MAX_VALUE;
        short[] out = new short[(int) Math.min(owed, (buffered + halfWidth) * outRate / step + 2)];
        int produced = 0;
        while (produced < owed && (end || index + halfWidth < inputCount)) {
            if (produced == out.length) {
                out = Arrays.copyOf(out, 2 * out.length + 1);
            }
            out[produced++] = sampleAt();
            fraction += step;
            index += fraction / outRate;
            fraction %= outRate;
        }
        outputCount += produced;
        discardBefore(index - halfWidth);
        return produced == out.length ? out : Arrays.copyOf(out, produced);
    }

    /** The output sample at the current position: the input around it, weighted by the windowed sinc. */
    private short sampleAt() {
        double position = index + (double) fraction / outRate;
        double sum = 0;
        for (long k = index - halfWidth + 1; k <= index + halfWidth; k++) {
            long offset = k - bufferStart;
            if (offset >= 0 && offset < buffered) {
                sum += buffer[(int) offset] * kernel(cutoff * (position - k));
            }
        }
        return Pcm16.clip(cutoff * sum);
    }

    private void discardBefore(long firstNeeded) {
        int drop = (int) Math.min(buffered, Math.max(0, firstNeeded - bufferStart));
        if (drop > 0) {
            System.arraycopy(buffer, drop, buffer, 0, buffered - drop);
            buffered -= drop;
            bufferStart += drop;
        }
    }

    private static double kernel(double x) {
        double at = Math.abs(x) * TABLE_STEPS_PER_UNIT;
        int i = (int) at;
        if (i >= KERNEL.length - 1) {
            return 0;
        }
        double weight = at - i;
        return KERNEL[i] * (1 - weight) + KERNEL[i + 1] * weight;
    }

    /** {@code sinc(x) * blackman(x / ZERO_CROSSINGS)} for {@code x} from 0 to {@value #ZERO_CROSSINGS}. */
    private static double[] kernelTable() {
        double[] table = new double[ZERO_CROSSINGS * TABLE_STEPS_PER_UNIT + 2];
        for (int i = 0; i < table.length - 1; i++) {
            double x = (double) i / TABLE_STEPS_PER_UNIT;
            double sinc = x == 0 ? 1 : Math.sin(Math.PI * x) / (Math.PI * x);
            double u = x / ZERO_CROSSINGS;
            double window = 0.42 + 0.5 * Math.cos(Math.PI * u) + 0.08 * Math.cos(2 * Math.PI * u);
            table[i] = sinc * window;
        }
        return table;
    }

    private static long gcd(long a, long b) {
        return b == 0 ? a : gcd(b, a % b);
    }

    private static long ceilDiv(long a, long b) {
        return (a + b - 1) / b;
    }
}
