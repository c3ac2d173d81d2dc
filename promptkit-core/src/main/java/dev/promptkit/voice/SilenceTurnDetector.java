/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.voice;

import dev.promptkit.duplex.AudioChunk;
import dev.promptkit.duplex.AudioFormat;
import dev.promptkit.duplex.Pcm16;
import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * An energy-based {@link TurnDetector}: a frame (20 ms by default) is speech when its RMS level is at least
 * {@value #MARGIN_DB} dB above the noise floor (the lowest level of the last {@value #NOISE_WINDOW_MILLIS} ms, see
 * {@link NoiseFloor}) and at least {@value #MIN_SPEECH_DBFS} dBFS. A turn counts once it holds
 * {@link VadModeConfig#minSpeechDuration()} of speech ({@link TurnEvent.SpeechStarted} then), ends after
 * {@link VadModeConfig#silenceDuration()} without speech or at {@link VadModeConfig#maxTurnDuration()}, and its
 * audio keeps {@value #PAD_MILLIS} ms of silence either side for speech-to-text. Shorter sounds (a cough, a click)
 * are dropped without any event. Not thread-safe: feed it from one thread at a time.
 *
 * @since 0.1.0
 */
public final class SilenceTurnDetector implements TurnDetector {

    /** How far above the noise floor a frame must be to count as speech. */
    static final double MARGIN_DB = 10;
    /** The quietest level that can count as speech. */
    static final double MIN_SPEECH_DBFS = -50;
    static final int NOISE_WINDOW_MILLIS = 2000;
    static final int PAD_MILLIS = 300;
    private static final Duration DEFAULT_FRAME = Duration.ofMillis(20);

    private final AudioFormat format;
    private final int frameSamples;
    private final int silenceFrames;
    private final int minSpeechFrames;
    private final int maxTurnFrames;
    private final int padFrames;
    private final NoiseFloor noise;

    private final short[] frame;
    private int framed;
    private long frameIndex;
    private final ArrayDeque<byte[]> recent = new ArrayDeque<>();

    private final ByteArrayOutputStream turnAudio = new ByteArrayOutputStream();
    private boolean inTurn;
    private boolean confirmed;
    private long turnStartFrame;
    private long lastSpeechFrame;
    private int speechFrames;
    private int paddedFramesBeforeStart;

    /** A detector with 20 ms frames. */
    public SilenceTurnDetector(VadModeConfig config) {
        this(config, DEFAULT_FRAME);
    }

    /**
     * @param config the durations and the sample rate
     * @param frameLength the analysis frame, 10 to 50 ms (speech is steady over 20 to 30 ms)
     */
    public SilenceTurnDetector(VadModeConfig config, Duration frameLength) {
        if (frameLength.toMillis() < 10 || frameLength.toMillis() > 50) {
            throw new IllegalArgumentException("frameLength must be 10 to 50 ms, was " + frameLength.toMillis() + " ms");
        }
        this.format = config.inputFormat();
        long frameMillis = frameLength.toMillis();
        this.frameSamples = (int) (config.sampleRate() * frameMillis / 1000);
        this.silenceFrames = frames(config.silenceDuration(), frameMillis);
        this.minSpeechFrames = frames(config.minSpeechDuration(), frameMillis);
        this.maxTurnFrames = frames(config.maxTurnDuration(), frameMillis);
        this.padFrames = (int) (PAD_MILLIS / frameMillis);
        this.noise = new NoiseFloor((int) (NOISE_WINDOW_MILLIS / frameMillis));
        this.frame = new short[frameSamples];
    }

    @Override
    public AudioFormat format() {
        return format;
    }

    @Override
    public List<TurnEvent> accept(AudioChunk audio) {
        if (!audio.format().equals(format)) {
            throw new IllegalArgumentException("this detector takes " + format + ", got " + audio.format());
        }
        List<TurnEvent> events = new ArrayList<>(1);
        short[] samples = Pcm16.toSamples(audio.data());
        int offset = 0;
        while (offset < samples.length) {
            int take = Math.min(frameSamples - framed, samples.length - offset);
            System.arraycopy(samples, offset, frame, framed, take);
            framed += take;
            offset += take;
            if (framed == frameSamples) {
                analyse(events);
                framed = 0;
            }
        }
        return events;
    }

    @Override
    public Optional<TurnEvent.TurnEnded> endTurn() {
        if (!inTurn) {
            return Optional.empty();
        }
        return Optional.of(finishTurn(TurnEvent.EndReason.TRIGGERED));
    }

    private void analyse(List<TurnEvent> events) {
        double level = Pcm16.dbfs(Pcm16.rms(frame, 0, frameSamples));
        double floor = noise.level();
        boolean speech = !Double.isNaN(floor) && level >= Math.max(floor + MARGIN_DB, MIN_SPEECH_DBFS);
        noise.add(level);
        byte[] bytes = Pcm16.toBytes(Arrays.copyOf(frame, frameSamples));
        if (!inTurn && speech) {
            openTurn();
        }
        if (inTurn) {
            followTurn(speech, bytes, events);
        }
        else {
            remember(bytes);
        }
        frameIndex++;
    }

    private void openTurn() {
        inTurn = true;
        confirmed = false;
        speechFrames = 0;
        turnStartFrame = frameIndex;
        paddedFramesBeforeStart = recent.size();
        turnAudio.reset();
        recent.forEach(turnAudio::writeBytes);
        recent.clear();
    }

    private void followTurn(boolean speech, byte[] bytes, List<TurnEvent> events) {
        turnAudio.writeBytes(bytes);
        if (speech) {
            speechFrames++;
            lastSpeechFrame = frameIndex;
        }
        if (!confirmed && speechFrames >= minSpeechFrames) {
            confirmed = true;
            events.add(new TurnEvent.SpeechStarted(millis(turnStartFrame)));
        }
        if (frameIndex - lastSpeechFrame >= silenceFrames) {
            if (confirmed) {
                events.add(finishTurn(TurnEvent.EndReason.SILENCE));
            }
            else {
                inTurn = false;
            }
        }
        else if (frameIndex - turnStartFrame + 1 >= maxTurnFrames) {
            if (confirmed) {
                events.add(finishTurn(TurnEvent.EndReason.MAX_DURATION));
            }
            else {
                inTurn = false;
            }
        }
    }

    private TurnEvent.TurnEnded finishTurn(TurnEvent.EndReason reason) {
        inTurn = false;
        long lastFrame = reason == TurnEvent.EndReason.MAX_DURATION ? frameIndex
                : Math.min(frameIndex, lastSpeechFrame + padFrames);
        int frames = (int) (paddedFramesBeforeStart + lastFrame - turnStartFrame + 1);
        byte[] audio = Arrays.copyOf(turnAudio.toByteArray(), Math.min(turnAudio.size(), frames * frameSamples * 2));
        turnAudio.reset();
        return new TurnEvent.TurnEnded(new AudioChunk(audio, format), millis(turnStartFrame), millis(lastSpeechFrame + 1),
                reason);
    }

    private void remember(byte[] bytes) {
        recent.addLast(bytes);
        if (recent.size() > padFrames) {
            recent.removeFirst();
        }
    }

    private long millis(long frames) {
        return frames * frameSamples * 1000 / format.sampleRate();
    }

    private static int frames(Duration duration, long frameMillis) {
        return (int) Math.max(1, Math.round((double) duration.toMillis() / frameMillis));
    }
}
