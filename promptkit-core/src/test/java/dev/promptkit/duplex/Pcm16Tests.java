/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.duplex;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.promptkit.duplex.AudioChunk;
import dev.promptkit.duplex.AudioFormat;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class Pcm16Tests {

    @Test
    void bytesAreLittleEndianSignedSamplesBothWays() {
        byte[] bytes = {0x34, 0x12, (byte) 0xff, (byte) 0xff, 0x00, (byte) 0x80, (byte) 0xff, 0x7f};

        short[] samples = Pcm16.toSamples(bytes);

        assertThat(samples).containsExactly((short) 0x1234, (short) -1, Short.MIN_VALUE, Short.MAX_VALUE);
        assertThat(Pcm16.toBytes(samples)).containsExactly(bytes);
        assertThatThrownBy(() -> Pcm16.toSamples(new byte[3])).hasMessageContaining("even number of bytes");
    }

    @Test
    void downmixAveragesEachFrameOfInterleavedChannels() {
        short[] stereo = {100, 300, -1000, 1000, 32767, 32767};

        assertThat(Pcm16.downmix(stereo, 2)).containsExactly((short) 200, (short) 0, (short) 32767);
        assertThat(Pcm16.downmix(stereo, 1)).isSameAs(stereo);
        assertThatThrownBy(() -> Pcm16.downmix(new short[3], 2)).hasMessageContaining("whole frames");
    }

    @Test
    void rmsAndDbfsOfKnownSignals() {
        short[] square = {16384, -16384, 16384, -16384};
        short[] sine = Pcm16.sine(1000, 16_000, 16_000, 0.5);

        assertThat(Pcm16.rms(square, 0, 4)).isEqualTo(16384);
        assertThat(Pcm16.dbfs(Pcm16.rms(square, 0, 4))).isCloseTo(-6.02, within(0.01));
        assertThat(Pcm16.dbfs(Pcm16.rms(sine, 0, sine.length))).as("a half-scale sine: -6 dB, minus 3 dB for a sine")
                .isCloseTo(-9.03, within(0.02));
        assertThat(Pcm16.dbfs(0)).isEqualTo(Pcm16.SILENCE_DBFS);
        assertThat(Pcm16.rms(square, 2, 2)).isZero();
    }

    @Test
    void clipRoundsAndKeepsTheSixteenBitRange() {
        assertThat(Pcm16.clip(1.6)).isEqualTo((short) 2);
        assertThat(Pcm16.clip(40_000)).isEqualTo(Short.MAX_VALUE);
        assertThat(Pcm16.clip(-40_000)).isEqualTo(Short.MIN_VALUE);
    }

    @Test
    void upmixCopiesMonoIntoEveryChannel() {
        short[] mono = {1, -2};

        assertThat(Pcm16.upmix(mono, 2)).containsExactly((short) 1, (short) 1, (short) -2, (short) -2);
        assertThat(Pcm16.upmix(mono, 1)).isSameAs(mono);
    }

    @Test
    void tonesAndSilenceLastTheirDurationInTheirFormat() {
        AudioChunk tone = Pcm16.tone(new AudioFormat(24_000, 2), Duration.ofMillis(100), 440);
        AudioChunk silence = Pcm16.silence(AudioFormat.PCM16_16KHZ_MONO, Duration.ofMillis(20));

        assertThat(tone.durationMillis()).isEqualTo(100.0);
        short[] left = Pcm16.downmix(Pcm16.toSamples(tone.data()), 2);
        assertThat(Signals.frequency(left, 24_000, 0, left.length)).isCloseTo(440, within(0.5));
        assertThat(Signals.amplitude(left, 0, left.length)).as("a fifth of full scale").isCloseTo(0.2, within(0.01));
        assertThat(silence.data()).hasSize(640).containsOnly(0);
    }
}
