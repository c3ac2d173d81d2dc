/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.voice;

import dev.promptkit.duplex.AudioChunk;
import dev.promptkit.duplex.AudioFormat;
import dev.promptkit.duplex.Pcm16;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Real audio for the voice tests, made at test time: sentences spoken by {@code espeak-ng} and converted by
 * {@code sox} to mono PCM16, noise synthesised by {@code sox}, and silence. A {@link Timeline} lays them end to
 * end and remembers where each sentence lies. Fails, rather than skips, when either program is missing.
 */
public final class SpokenAudio {

    private static final Map<String, short[]> SPOKEN = new ConcurrentHashMap<>();
    private static final Path WORK_DIR = createWorkDir();

    private SpokenAudio() {
    }

    /**
     * {@code text} spoken by espeak-ng, as mono PCM16 at {@code sampleRate}, without the silence espeak-ng leaves
     * before and after the words (about 300 ms at the end), so that the clip is the speech and nothing else.
     */
    public static short[] say(String text, int sampleRate) {
        return SPOKEN.computeIfAbsent(sampleRate + ":" + text, key -> {
            Path wav = WORK_DIR.resolve("spoken-" + Math.abs(key.hashCode()) + ".wav");
            run("espeak-ng", "-w", wav.toString(), text);
            short[] samples = toRaw(wav, sampleRate);
            delete(wav);
            return trimSilence(samples);
        });
    }

    private static short[] trimSilence(short[] samples) {
        int quiet = 64;
        int from = 0;
        while (from < samples.length && Math.abs(samples[from]) <= quiet) {
            from++;
        }
        int to = samples.length;
        while (to > from && Math.abs(samples[to - 1]) <= quiet) {
            to--;
        }
        return Arrays.copyOfRange(samples, from, to);
    }

    /** {@code seconds} of sox's {@code synth} (such as {@code whitenoise vol 0.02}), mono PCM16 at {@code sampleRate}. */
    public static short[] synth(double seconds, int sampleRate, String... synth) {
        Path raw = WORK_DIR.resolve("synth-" + System.nanoTime() + ".raw");
        List<String> command = new ArrayList<>(List.of("sox", "-n", "-r", String.valueOf(sampleRate), "-c", "1",
                "-b", "16", "-e", "signed-integer", "-t", "raw", raw.toString(), "synth", String.valueOf(seconds)));
        command.addAll(List.of(synth));
        run(command.toArray(String[]::new));
        return read(raw);
    }

    public static short[] silence(Duration duration, int sampleRate) {
        return new short[(int) (duration.toMillis() * sampleRate / 1000)];
    }

    /** {@code a + b}, sample by sample, clipped; as long as the longer one. */
    public static short[] mix(short[] a, short[] b) {
        short[] mixed = Arrays.copyOf(a.length >= b.length ? a : b, Math.max(a.length, b.length));
        short[] other = a.length >= b.length ? b : a;
        for (int i = 0; i < other.length; i++) {
            mixed[i] = Pcm16.clip(mixed[i] + other[i]);
        }
        return mixed;
    }

    /** Cuts {@code samples} into chunks of {@code millis} ms, as a microphone would deliver them. */
    public static List<AudioChunk> chunks(short[] samples, AudioFormat format, int millis) {
        int size = format.sampleRate() * format.channels() * millis / 1000;
        List<AudioChunk> chunks = new ArrayList<>();
        for (int from = 0; from < samples.length; from += size) {
            short[] piece = Arrays.copyOfRange(samples, from, Math.min(samples.length, from + size));
            chunks.add(new AudioChunk(Pcm16.toBytes(piece), format));
        }
        return chunks;
    }

    private static short[] toRaw(Path wav, int sampleRate) {
        Path raw = Path.of(wav.toString().replace(".wav", "-" + sampleRate + ".raw"));
        run("sox", wav.toString(), "-r", String.valueOf(sampleRate), "-c", "1", "-b", "16", "-e", "signed-integer",
                "-t", "raw", raw.toString());
        return read(raw);
    }

    private static short[] read(Path raw) {
        try {
            short[] samples = Pcm16.toSamples(Files.readAllBytes(raw));
            delete(raw);
            return samples;
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void run(String... command) {
        Process process;
        try {
            process = new ProcessBuilder(command).redirectErrorStream(true).start();
        }
        catch (IOException notInstalled) {
            throw new AssertionError(command[0] + " is needed by the voice tests and is not installed: "
                    + "apt-get install espeak-ng sox (.ci/run installs them)", notInstalled);
        }
        try {
            String output = new String(process.getInputStream().readAllBytes());
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new AssertionError(String.join(" ", command) + " failed: " + output);
            }
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while running " + command[0], e);
        }
    }

    private static Path createWorkDir() {
        try {
            Path dir = Files.createTempDirectory("promptkit-voice-");
            dir.toFile().deleteOnExit();
            return dir;
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Audio laid end to end, remembering where each spoken sentence starts and ends. */
    public static final class Timeline {

        private final int sampleRate;
        private final List<short[]> parts = new ArrayList<>();
        private final List<long[]> spoken = new ArrayList<>();
        private int length;

        public Timeline(int sampleRate) {
            this.sampleRate = sampleRate;
        }

        public Timeline say(String text) {
            short[] speech = SpokenAudio.say(text, sampleRate);
            spoken.add(new long[] {millis(length), millis(length + speech.length)});
            return add(speech);
        }

        public Timeline pause(Duration duration) {
            return add(silence(duration, sampleRate));
        }

        public Timeline add(short[] samples) {
            parts.add(samples);
            length += samples.length;
            return this;
        }

        /** Where each spoken sentence lies: {@code {startMillis, endMillis}}. */
        public List<long[]> spoken() {
            return spoken;
        }

        public short[] samples() {
            short[] all = new short[length];
            int at = 0;
            for (short[] part : parts) {
                System.arraycopy(part, 0, all, at, part.length);
                at += part.length;
            }
            return all;
        }

        public long millis() {
            return millis(length);
        }

        private long millis(long samples) {
            return samples * 1000 / sampleRate;
        }
    }
}
