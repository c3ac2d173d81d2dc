/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.voice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.promptkit.duplex.AudioChunk;
import dev.promptkit.duplex.AudioFormat;
import dev.promptkit.voice.TurnEvent.EndReason;
import dev.promptkit.voice.TurnEvent.SpeechStarted;
import dev.promptkit.voice.TurnEvent.TurnEnded;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The detector on real speech from espeak-ng, with pauses, coughs and noise of known lengths. */
class SilenceTurnDetectorTests {

    private static final int RATE = 16_000;
    private static final AudioFormat FORMAT = AudioFormat.PCM16_16KHZ_MONO;
    /** How far a detected boundary may lie from the edge of the spoken clip (espeak's clips have quiet edges). */
    private static final long TOLERANCE_MILLIS = 150;

    @Test
    void threeSentencesWithLongPausesAreThreeTurnsWithBoundariesNearTheSpokenOnes() {
        SpokenAudio.Timeline audio = new SpokenAudio.Timeline(RATE).pause(Duration.ofMillis(500))
                .say("What is the weather like in Paris today?").pause(Duration.ofMillis(1500))
                .say("And tomorrow?").pause(Duration.ofMillis(1200))
                .say("Thank you, that is all I wanted to know.").pause(Duration.ofMillis(1500));

        List<TurnEvent> events = detect(new SilenceTurnDetector(VadModeConfig.DEFAULTS), audio.samples());

        List<TurnEnded> turns = turns(events);
        assertThat(turns).hasSize(3).allSatisfy(turn -> assertThat(turn.reason()).isEqualTo(EndReason.SILENCE));
        assertThat(events).filteredOn(SpeechStarted.class::isInstance).hasSize(3);
        for (int i = 0; i < 3; i++) {
            long[] spoken = audio.spoken().get(i);
            TurnEnded turn = turns.get(i);
            assertThat((double) turn.startMillis()).as("start of turn %d", i).isCloseTo(spoken[0], within(150.0));
            assertThat((double) turn.endMillis()).as("end of turn %d", i).isCloseTo(spoken[1], within(150.0));
            assertThat(turn.audio().format()).isEqualTo(FORMAT);
            double expected = spoken[1] - spoken[0] + 2 * SilenceTurnDetector.PAD_MILLIS;
            assertThat(turn.audio().durationMillis()).as("audio of turn %d with padding", i)
                    .isCloseTo(expected, within(2.0 * TOLERANCE_MILLIS));
        }
    }

    @Test
    void speechStartComesOnceTheMinimumSpeechWasHeardAndBeforeTheTurnEnds() {
        SpokenAudio.Timeline audio = new SpokenAudio.Timeline(RATE).pause(Duration.ofMillis(400))
                .say("Hello there, how are you?").pause(Duration.ofMillis(1000));
        SilenceTurnDetector detector = new SilenceTurnDetector(VadModeConfig.DEFAULTS);

        List<long[]> decisions = new ArrayList<>();
        long fed = 0;
        for (AudioChunk chunk : SpokenAudio.chunks(audio.samples(), FORMAT, 20)) {
            fed += (long) chunk.durationMillis();
            for (TurnEvent event : detector.accept(chunk)) {
                decisions.add(new long[] {event instanceof SpeechStarted ? 0 : 1, fed});
            }
        }

        long speechStart = audio.spoken().get(0)[0];
        assertThat(decisions).hasSize(2);
        assertThat(decisions.get(0)[0]).isZero();
        assertThat(decisions.get(0)[1]).as("reported within min speech plus a little after the onset")
                .isBetween(speechStart + 200, speechStart + 200 + 2 * TOLERANCE_MILLIS);
        assertThat(decisions.get(1)[1]).as("the turn ends once the silence lasted 800 ms")
                .isCloseTo(audio.spoken().get(0)[1] + 800, within(TOLERANCE_MILLIS));
    }

    @Test
    void shortPausesInsideAnUtteranceDoNotEndTheTurn() {
        SpokenAudio.Timeline audio = new SpokenAudio.Timeline(RATE).pause(Duration.ofMillis(300))
                .say("I would like to book a table").pause(Duration.ofMillis(450))
                .say("for two people").pause(Duration.ofMillis(600))
                .say("at eight tonight.").pause(Duration.ofMillis(1200));

        List<TurnEnded> turns = turns(detect(new SilenceTurnDetector(VadModeConfig.DEFAULTS), audio.samples()));

        assertThat(turns).singleElement().satisfies(turn -> {
            assertThat((double) turn.startMillis()).isCloseTo(audio.spoken().get(0)[0], within(150.0));
            assertThat((double) turn.endMillis()).isCloseTo(audio.spoken().get(2)[1], within(150.0));
        });
    }

    @Test
    void aCoughShorterThanTheMinimumSpeechIsIgnored() {
        short[] cough = SpokenAudio.synth(0.12, RATE, "pinknoise", "vol", "0.6", "fade", "t", "0.01", "0.12", "0.04");
        SpokenAudio.Timeline audio = new SpokenAudio.Timeline(RATE).pause(Duration.ofMillis(500)).add(cough)
                .pause(Duration.ofMillis(1500)).add(cough).pause(Duration.ofMillis(1500));

        assertThat(detect(new SilenceTurnDetector(VadModeConfig.DEFAULTS), audio.samples())).isEmpty();
    }

    @Test
    void aThirtyFiveSecondMonologueIsCutAtTheLongestTurn() {
        SpokenAudio.Timeline audio = new SpokenAudio.Timeline(RATE).pause(Duration.ofMillis(300));
        String[] sentences = {"Let me tell you the whole story from the very beginning.",
            "It started on a cold morning in the middle of winter,", "when the trains had stopped running",
            "and nobody in the village knew what to do next."};
        for (int i = 0; audio.millis() < 35_500; i++) {
            audio.say(sentences[i % sentences.length]).pause(Duration.ofMillis(250));
        }
        audio.pause(Duration.ofMillis(1500));

        List<TurnEnded> turns = turns(detect(new SilenceTurnDetector(VadModeConfig.DEFAULTS), audio.samples()));

        assertThat(turns).hasSize(2);
        TurnEnded cut = turns.get(0);
        assertThat(cut.reason()).isEqualTo(EndReason.MAX_DURATION);
        assertThat((double) cut.startMillis()).isCloseTo(audio.spoken().get(0)[0], within(150.0));
        assertThat((double) (cut.endMillis() - cut.startMillis())).isCloseTo(30_000, within(100.0));
        assertThat(cut.audio().durationMillis()).isCloseTo(30_000 + SilenceTurnDetector.PAD_MILLIS, within(100.0));
        TurnEnded rest = turns.get(1);
        assertThat(rest.reason()).isEqualTo(EndReason.SILENCE);
        assertThat((double) rest.endMillis()).isCloseTo(audio.spoken().get(audio.spoken().size() - 1)[1],
                within(150.0));
    }

    @Test
    void steadyBackgroundNoiseNeverOpensATurn() {
        short[] noise = SpokenAudio.synth(12, RATE, "whitenoise", "vol", "0.05");

        assertThat(detect(new SilenceTurnDetector(VadModeConfig.DEFAULTS), noise)).isEmpty();
    }

    @Test
    void speechOverBackgroundNoiseIsStillFound() {
        SpokenAudio.Timeline speech = new SpokenAudio.Timeline(RATE).pause(Duration.ofMillis(2500))
                .say("Can you hear me over this noise?").pause(Duration.ofMillis(1500))
                .say("Good.").pause(Duration.ofMillis(1500));
        short[] noise = SpokenAudio.synth(speech.millis() / 1000.0, RATE, "whitenoise", "vol", "0.02");

        List<TurnEnded> turns = turns(detect(new SilenceTurnDetector(VadModeConfig.DEFAULTS),
                SpokenAudio.mix(speech.samples(), noise)));

        assertThat(turns).hasSize(2);
        for (int i = 0; i < 2; i++) {
            assertThat((double) turns.get(i).startMillis()).isCloseTo(speech.spoken().get(i)[0], within(150.0));
            assertThat((double) turns.get(i).endMillis()).isCloseTo(speech.spoken().get(i)[1], within(250.0));
        }
    }

    @Test
    void endTurnHandsOverTheSpeechSoFarAndNothingWhenThereIsNone() {
        SilenceTurnDetector detector = new SilenceTurnDetector(VadModeConfig.DEFAULTS, Duration.ofMillis(30));
        assertThat(detector.endTurn()).isEmpty();
        SpokenAudio.Timeline audio = new SpokenAudio.Timeline(RATE).pause(Duration.ofMillis(300))
                .say("Stop right there");

        List<TurnEvent> events = detect(detector, audio.samples());

        assertThat(events).singleElement().isInstanceOf(SpeechStarted.class);
        assertThat(detector.endTurn()).hasValueSatisfying(turn -> {
            assertThat(turn.reason()).isEqualTo(EndReason.TRIGGERED);
            assertThat((double) turn.startMillis()).isCloseTo(audio.spoken().get(0)[0], within(150.0));
        });
        assertThat(detector.endTurn()).isEmpty();
    }

    private static List<TurnEvent> detect(TurnDetector detector, short[] samples) {
        List<TurnEvent> events = new ArrayList<>();
        SpokenAudio.chunks(samples, FORMAT, 20).forEach(chunk -> events.addAll(detector.accept(chunk)));
        return events;
    }

    private static List<TurnEnded> turns(List<TurnEvent> events) {
        return events.stream().filter(TurnEnded.class::isInstance).map(TurnEnded.class::cast).toList();
    }
}
