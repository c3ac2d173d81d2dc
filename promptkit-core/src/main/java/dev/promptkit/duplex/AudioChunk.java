/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.duplex;

/**
 * A piece of PCM16 audio in a known {@link AudioFormat}. The array is not copied: do not change it after.
 *
 * @since 0.1.0
 */
public record AudioChunk(byte[] data, AudioFormat format) {

    public AudioChunk {
        if (data == null || format == null) {
            throw new IllegalArgumentException("audio data and format are required");
        }
        if (data.length % (2 * format.channels()) != 0) {
            throw new IllegalArgumentException("PCM16 audio must hold whole frames of " + (2 * format.channels())
                    + " bytes, got " + data.length + " bytes");
        }
    }

    /** The length of this chunk in milliseconds. */
    public double durationMillis() {
        return data.length * 1000.0 / format.bytesPerSecond();
    }
}
