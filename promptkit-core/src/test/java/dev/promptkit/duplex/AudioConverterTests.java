/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.duplex;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class AudioConverterTests {

    @Test
    void downmixesAndResamplesAStreamToMonoAtTheTargetRate() {
        short[] stereo = Pcm16.upmix(Pcm16.sine(300, 48_000, 48_000, 0.4), 2);
        AudioFormat target = AudioFormat.PCM16_16KHZ_MONO;
        AudioConverter converter = new AudioConverter(target);

        short[] converted = {};
        int chunkSamples = 2 * 48 * 20;
        for (int from = 0; from < stereo.length; from += chunkSamples) {
            AudioChunk out = converter.convert(new AudioChunk(Pcm16.toBytes(Arrays.copyOfRange(stereo, from,
                    from + chunkSamples)), new AudioFormat(48_000, 2)));
            assertThat(out.format()).isEqualTo(target);
            converted = Signals.concat(converted, Pcm16.toSamples(out.data()));
        }

        assertThat(converted.length).as("all but the filter's lag of a millisecond").isBetween(15_950, 16_000);
        assertThat(Signals.frequency(converted, 16_000, 800, 15_000)).isCloseTo(300, within(0.5));
        assertThat(Signals.amplitude(converted, 800, 15_000)).isCloseTo(0.4, within(0.01));
        AudioChunk already = new AudioChunk(new byte[4], target);
        assertThat(converter.convert(already)).isSameAs(already);
    }

    @Test
    void theTargetMustBeMono() {
        assertThatThrownBy(() -> new AudioConverter(new AudioFormat(16_000, 2))).hasMessageContaining("mono");
    }
}
