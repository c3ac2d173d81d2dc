/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.media;

import dev.promptkit.duplex.ImageFrame;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Readies the video frames of a duplex session by a {@link VideoStreamConfig}: drops a frame that comes less than
 * {@code 1/targetFps} after the last one passed (by the frames' own timestamps, in whole milliseconds, so the
 * outcome does not depend on when they arrive), and shrinks a frame over the size limits, re-encoded as JPEG (PNG
 * when it has transparent pixels); others pass untouched. Counts what it passed, dropped and resized. Thread-safe:
 * passing is decided one frame at a time, resizing runs in parallel.
 *
 * @since 0.1.0
 */
public final class FrameProcessor {

    private static final double TIMESTAMP_RESOLUTION_MILLIS = 1;

    private final double intervalMillis;
    private final ImageResizer resizer;
    private final AtomicLong passed = new AtomicLong();
    private final AtomicLong dropped = new AtomicLong();
    private final AtomicLong resized = new AtomicLong();

    private boolean started;
    private long lastPassedMillis;

    public FrameProcessor(VideoStreamConfig config) {
        Objects.requireNonNull(config, "config");
        this.intervalMillis = 1000 / config.targetFps();
        this.resizer = config.resizes() ? new ImageResizer(new ImagePreprocessConfig(config.maxWidth(),
                config.maxHeight(), config.quality(), true, true, 0, Set.of("image/jpeg", "image/png"))) : null;
    }

    /** The frame to send, shrunk if it is over the limits (on the calling thread); empty when it is dropped. */
    public Optional<ImageFrame> process(ImageFrame frame) {
        return admit(frame) ? Optional.of(shrink(frame)) : Optional.empty();
    }

    /**
     * As {@link #process}, shrinking on the bounded elastic scheduler. Whether the frame is passed is decided when
     * this method is called, so decisions follow the order of the calls, not of the subscriptions.
     */
    public Mono<ImageFrame> processAsync(ImageFrame frame) {
        if (!admit(frame)) {
            return Mono.empty();
        }
        return resizer == null ? Mono.just(frame)
                : Mono.fromCallable(() -> shrink(frame)).subscribeOn(Schedulers.boundedElastic());
    }

    /** How many frames were passed on. */
    public long passedFrames() {
        return passed.get();
    }

    /** How many frames were dropped for coming too soon. */
    public long droppedFrames() {
        return dropped.get();
    }

    /** How many of the frames passed on were resized. */
    public long resizedFrames() {
        return resized.get();
    }

    private synchronized boolean admit(ImageFrame frame) {
        long timestamp = frame.timestampMillis();
        if (started && timestamp - lastPassedMillis < intervalMillis - TIMESTAMP_RESOLUTION_MILLIS) {
            dropped.incrementAndGet();
            return false;
        }
        started = true;
        lastPassedMillis = timestamp;
        passed.incrementAndGet();
        return true;
    }

    private ImageFrame shrink(ImageFrame frame) {
        if (resizer == null) {
            return frame;
        }
        return resizer.resize(frame.data()).map(image -> {
            resized.incrementAndGet();
            return new ImageFrame(image.data(), image.mimeType(), image.width(), image.height(),
                    frame.timestampMillis());
        }).orElse(frame);
    }
}
