/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.duplex;

import java.util.Arrays;

/** Test signals: joining and measuring them. */
final class Signals {

    private Signals() {
    }

    /** {@code a} then {@code b}. */
    static short[] concat(short[] a, short[] b) {
        short[] all = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }

    /** The frequency of a clean tone, from the upward zero crossings between {@code from} and {@code to}. */
    static double frequency(short[] samples, int sampleRate, int from, int to) {
        double first = -1;
        double last = -1;
        int crossings = 0;
        for (int i = from + 1; i < to; i++) {
            if (samples[i - 1] < 0 && samples[i] >= 0) {
                double at = i - 1 + (double) -samples[i - 1] / (samples[i] - samples[i - 1]);
                if (first < 0) {
                    first = at;
                }
                else {
                    crossings++;
                }
                last = at;
            }
        }
        return crossings * sampleRate / (last - first);
    }

    /** The peak amplitude, as a fraction of full scale, of {@code samples[from, to)}. */
    static double amplitude(short[] samples, int from, int to) {
        return Math.sqrt(2) * Pcm16.rms(samples, from, to) / 32767;
    }
}
