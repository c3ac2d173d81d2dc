/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.duplex;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * Writes PCM16 audio as a WAV file: the canonical 44-byte RIFF header ({@code fmt } chunk, PCM), then the samples.
 *
 * @since 0.1.0
 */
public final class WavFile {

    /** The size of the header written before the samples. */
    public static final int HEADER_BYTES = 44;

    private WavFile() {
    }

    /** The bytes of a WAV file holding {@code audio}. */
    public static byte[] of(AudioChunk audio) {
        int channels = audio.format().channels();
        int sampleRate = audio.format().sampleRate();
        int dataBytes = audio.data().length;
        ByteBuffer wav = ByteBuffer.allocate(HEADER_BYTES + dataBytes).order(ByteOrder.LITTLE_ENDIAN);
        wav.put("RIFF".getBytes(StandardCharsets.US_ASCII)).putInt(36 + dataBytes)
                .put("WAVE".getBytes(StandardCharsets.US_ASCII))
                .put("fmt ".getBytes(StandardCharsets.US_ASCII)).putInt(16)
                .putShort((short) 1) // PCM
                .putShort((short) channels)
                .putInt(sampleRate)
                .putInt(audio.format().bytesPerSecond())
                .putShort((short) (2 * channels)) // block align
                .putShort((short) 16) // bits per sample
                .put("data".getBytes(StandardCharsets.US_ASCII)).putInt(dataBytes)
                .put(audio.data());
        return wav.array();
    }
}
