/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.media;

import java.time.Duration;
import java.util.Optional;

/** How long a WAV file plays, from its RIFF header: the bytes of its {@code data} chunk over the byte rate. */
final class WavDuration {

    private WavDuration() {
    }

    /** The duration of {@code wav}; empty when it is not a RIFF/WAVE file or lacks its format or data chunk. */
    static Optional<Duration> of(byte[] wav) {
        if (wav.length < 12 || !tag(wav, 0, "RIFF") || !tag(wav, 8, "WAVE")) {
            return Optional.empty();
        }
        long byteRate = 0;
        long next = 12;
        while (next + 8 <= wav.length) {
            int at = (int) next;
            long size = u32(wav, at + 4);
            if (tag(wav, at, "fmt ") && at + 20 <= wav.length) {
                byteRate = u32(wav, at + 16);
            }
            else if (tag(wav, at, "data")) {
                long available = Math.min(size, wav.length - (at + 8L));
                return byteRate == 0 ? Optional.empty()
                        : Optional.of(Duration.ofNanos((long) (available * 1_000_000_000.0 / byteRate)));
            }
            next += 8 + size + (size & 1);
        }
        return Optional.empty();
    }

    private static boolean tag(byte[] data, int at, String tag) {
        for (int i = 0; i < 4; i++) {
            if (data[at + i] != tag.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    private static long u32(byte[] data, int at) {
        return (data[at] & 0xFFL) | (data[at + 1] & 0xFFL) << 8 | (data[at + 2] & 0xFFL) << 16
                | (data[at + 3] & 0xFFL) << 24;
    }
}
