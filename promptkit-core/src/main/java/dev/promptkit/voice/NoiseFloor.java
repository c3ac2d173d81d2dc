/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.voice;

/**
 * The background level of a stream, estimated as the lowest frame level over a sliding window (minimum
 * statistics): speech keeps dipping between syllables and words, so the minimum follows the noise under it,
 * while a steady noise is the minimum itself after one window. Levels are in dBFS.
 */
final class NoiseFloor {

    private final double[] levels;
    private int count;
    private int next;

    /** @param window how many recent frames the floor is taken over */
    NoiseFloor(int window) {
        this.levels = new double[window];
    }

    void add(double level) {
        levels[next] = level;
        next = (next + 1) % levels.length;
        count = Math.min(count + 1, levels.length);
    }

    /** The floor, or {@code NaN} before the first frame. */
    double level() {
        double min = Double.NaN;
        for (int i = 0; i < count; i++) {
            min = i == 0 ? levels[i] : Math.min(min, levels[i]);
        }
        return min;
    }
}
