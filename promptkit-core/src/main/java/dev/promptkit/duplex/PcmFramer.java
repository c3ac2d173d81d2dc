/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.duplex;

import java.util.Arrays;
import java.util.Optional;

/**
 * Cuts a PCM16 byte stream, received in pieces of any length, into chunks of whole frames: a piece that ends
 * inside a frame keeps its tail for the next. One instance per stream; not thread-safe.
 *
 * @since 0.1.0
 */
public final class PcmFramer {

    private final AudioFormat format;
    private final int frameBytes;
    private byte[] carry = new byte[0];

    public PcmFramer(AudioFormat format) {
        this.format = format;
        this.frameBytes = 2 * format.channels();
    }

    /** The whole frames received so far and not yet returned, if any. */
    public Optional<AudioChunk> next(byte[] piece) {
        byte[] bytes = carry.length == 0 ? piece : concat(carry, piece);
        int whole = bytes.length - bytes.length % frameBytes;
        carry = Arrays.copyOfRange(bytes, whole, bytes.length);
        return whole == 0 ? Optional.empty()
                : Optional.of(new AudioChunk(whole == bytes.length ? bytes : Arrays.copyOf(bytes, whole), format));
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] all = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }
}
