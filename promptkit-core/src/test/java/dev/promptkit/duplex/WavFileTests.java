/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.duplex;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.junit.jupiter.api.Test;

class WavFileTests {

    @Test
    void wavFileHasTheCanonicalHeaderBeforeTheSamples() {
        byte[] pcm = Pcm16.toBytes(new short[] {1, -2, 3, -4});
        byte[] wav = WavFile.of(new AudioChunk(pcm, new AudioFormat(24_000, 2)));

        ByteBuffer header = ByteBuffer.wrap(wav).order(ByteOrder.LITTLE_ENDIAN);
        assertThat(new String(wav, 0, 4)).isEqualTo("RIFF");
        assertThat(header.getInt(4)).isEqualTo(36 + pcm.length);
        assertThat(new String(wav, 8, 8)).isEqualTo("WAVEfmt ");
        assertThat(header.getInt(16)).isEqualTo(16);
        assertThat(header.getShort(20)).as("PCM").isEqualTo((short) 1);
        assertThat(header.getShort(22)).as("channels").isEqualTo((short) 2);
        assertThat(header.getInt(24)).as("sample rate").isEqualTo(24_000);
        assertThat(header.getInt(28)).as("byte rate").isEqualTo(96_000);
        assertThat(header.getShort(32)).as("block align").isEqualTo((short) 4);
        assertThat(header.getShort(34)).as("bits per sample").isEqualTo((short) 16);
        assertThat(new String(wav, 36, 4)).isEqualTo("data");
        assertThat(header.getInt(40)).isEqualTo(pcm.length);
        assertThat(wav).hasSize(WavFile.HEADER_BYTES + pcm.length).endsWith(pcm);
    }
}
