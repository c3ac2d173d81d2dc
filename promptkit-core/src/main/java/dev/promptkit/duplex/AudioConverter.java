/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.duplex;

/**
 * Brings a stream of PCM16 chunks, in whatever format they come, to one mono format: downmixes the channels and
 * resamples, keeping the resampler's state from chunk to chunk so that the stream stays continuous. A change of
 * input format mid-stream starts a new resampler. Not thread-safe.
 *
 * @since 0.1.0
 */
public final class AudioConverter {

    private final AudioFormat target;
    private AudioFormat source;
    private Resampler resampler;

    /**
     * @param target the format of what {@link #convert} returns; must be mono
     */
    public AudioConverter(AudioFormat target) {
        if (target.channels() != 1) {
            throw new IllegalArgumentException("the target format must be mono, was " + target.channels()
                    + " channels");
        }
        this.target = target;
    }

    /** The target format. */
    public AudioFormat target() {
        return target;
    }

    /** The samples of {@code chunk} in the target format; the chunk itself when it is in that format already. */
    public AudioChunk convert(AudioChunk chunk) {
        if (chunk.format().equals(target)) {
            return chunk;
        }
        if (!chunk.format().equals(source)) {
            source = chunk.format();
            resampler = new Resampler(source.sampleRate(), target.sampleRate());
        }
        short[] mono = Pcm16.downmix(Pcm16.toSamples(chunk.data()), source.channels());
        return new AudioChunk(Pcm16.toBytes(resampler.process(mono)), target);
    }
}
