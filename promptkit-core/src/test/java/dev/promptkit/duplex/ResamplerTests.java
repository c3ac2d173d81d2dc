/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.duplex;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class ResamplerTests {

    private static final int[] RATES = {8_000, 16_000, 24_000, 44_100, 48_000};

    @Test
    void aSineKeepsItsFrequencyAmplitudeAndDurationBetweenEveryPairOfRates() {
        for (int from : RATES) {
            for (int to : RATES) {
                short[] sine = Pcm16.sine(440, from, from, 0.5);

                short[] resampled = Resampler.resample(sine, from, to);

                String pair = from + " Hz -> " + to + " Hz";
                assertThat(resampled).as(pair).hasSize(to);
                int margin = to / 20;
                assertThat(Signals.frequency(resampled, to, margin, to - margin)).as(pair).isCloseTo(440, within(0.5));
                assertThat(Signals.amplitude(resampled, margin, to - margin)).as(pair).isCloseTo(0.5, within(0.01));
            }
        }
    }

    @ParameterizedTest
    @CsvSource({"48000, 16000, 10000", "44100, 8000, 6000", "24000, 16000, 9000"})
    void downsamplingFiltersOutWhatTheNewRateCannotCarryInsteadOfAliasingIt(int from, int to, double frequency) {
        short[] tooHigh = Pcm16.sine(frequency, from, from, 0.5);

        short[] resampled = Resampler.resample(tooHigh, from, to);

        assertThat(Signals.amplitude(resampled, to / 10, to - to / 10)).as("a %s Hz tone at %s Hz", frequency, to)
                .isLessThan(0.01);
    }

    @Test
    void chunkByChunkGivesTheSameSamplesAsAllAtOnce() {
        short[] sine = Pcm16.sine(1000, 44_100, 44_100, 0.3);
        short[] whole = Resampler.resample(sine, 44_100, 16_000);

        Resampler streaming = new Resampler(44_100, 16_000);
        short[] pieces = new short[0];
        for (int from = 0, size = 1; from < sine.length; from += size, size = size * 3 % 997 + 1) {
            pieces = Signals.concat(pieces, streaming.process(Arrays.copyOfRange(sine, from, Math.min(sine.length, from + size))));
        }
        pieces = Signals.concat(pieces, streaming.flush());

        assertThat(pieces).containsExactly(whole);
    }

    @Test
    void theSameRatePassesSamplesThrough() {
        short[] samples = {1, 2, 3};

        assertThat(Resampler.resample(samples, 16_000, 16_000)).containsExactly(1, 2, 3);
    }
}
