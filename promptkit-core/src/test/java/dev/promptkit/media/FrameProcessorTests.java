/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.promptkit.duplex.ImageFrame;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

class FrameProcessorTests {

    private static final byte[] SMALL_FRAME = TestImages.jpeg(TestImages.photo(320, 240));

    /** The timestamp of frame {@code index} of a 30 FPS camera, in whole milliseconds. */
    private static long at30Fps(int index) {
        return Math.round(index * 1000 / 30.0);
    }

    private static ImageFrame frame(byte[] data, long timestampMillis) {
        return new ImageFrame(data, "image/jpeg", 0, 0, timestampMillis);
    }

    @Test
    void at1FpsOneFrameOfEveryThirtyFromA30FpsCameraIsPassed() {
        FrameProcessor frames = new FrameProcessor(VideoStreamConfig.DEFAULTS);
        List<Long> passed = new ArrayList<>();

        for (int i = 0; i < 90; i++) {
            frames.process(frame(SMALL_FRAME, at30Fps(i))).ifPresent(f -> passed.add(f.timestampMillis()));
        }

        assertThat(passed).containsExactly(0L, 1000L, 2000L);
        assertThat(frames.passedFrames()).isEqualTo(3);
        assertThat(frames.droppedFrames()).isEqualTo(87);
        assertThat(frames.resizedFrames()).isZero();
    }

    @Test
    void framesAtTheTargetRateAllPassDespiteMillisecondRounding() {
        FrameProcessor frames = new FrameProcessor(VideoStreamConfig.DEFAULTS.withTargetFps(30));

        for (int i = 0; i < 60; i++) {
            assertThat(frames.process(frame(SMALL_FRAME, at30Fps(i)))).as("frame %d", i).isPresent();
        }
        assertThat(frames.droppedFrames()).isZero();
    }

    @Test
    void theDecisionDependsOnTheTimestampsOnlyAndAnOlderFrameIsDropped() {
        FrameProcessor frames = new FrameProcessor(VideoStreamConfig.DEFAULTS.withTargetFps(2));

        assertThat(frames.process(frame(SMALL_FRAME, 10_000))).isPresent();
        assertThat(frames.process(frame(SMALL_FRAME, 10_400))).isEmpty();
        assertThat(frames.process(frame(SMALL_FRAME, 9_000))).as("older than the last passed").isEmpty();
        assertThat(frames.process(frame(SMALL_FRAME, 10_499))).as("1 ms early counts as on time").isPresent();
        assertThat(frames.process(frame(SMALL_FRAME, 10_997))).isEmpty();
    }

    @Test
    void aFrameOverTheLimitsIsResizedAndReencodedAsJpegAtTheQuality() {
        byte[] hd = TestImages.png(TestImages.photo(1920, 1080));
        VideoStreamConfig config = VideoStreamConfig.DEFAULTS.withMaxSize(640, 480);
        FrameProcessor fine = new FrameProcessor(config.withQuality(95));
        FrameProcessor coarse = new FrameProcessor(config.withQuality(40));

        ImageFrame sent = fine.process(new ImageFrame(hd, "image/png", 1920, 1080, 5)).orElseThrow();
        ImageFrame smaller = coarse.process(new ImageFrame(hd, "image/png", 1920, 1080, 5)).orElseThrow();

        assertThat(sent.mimeType()).isEqualTo("image/jpeg");
        assertThat(sent.width()).isEqualTo(640);
        assertThat(sent.height()).isEqualTo(360);
        assertThat(sent.timestampMillis()).isEqualTo(5);
        BufferedImage decoded = TestImages.read(sent.data());
        assertThat(decoded.getWidth()).isEqualTo(640);
        assertThat(decoded.getHeight()).isEqualTo(360);
        assertThat(smaller.data().length).isLessThan(sent.data().length);
        assertThat(fine.resizedFrames()).isEqualTo(1);
    }

    @Test
    void framesWithinTheLimitsOrWithResizingOffPassUntouched() {
        ImageFrame small = frame(SMALL_FRAME, 0);
        ImageFrame large = frame(TestImages.jpeg(TestImages.photo(1280, 720)), 0);

        assertThat(new FrameProcessor(VideoStreamConfig.DEFAULTS.withMaxSize(640, 480)).process(small))
                .containsSame(small);
        assertThat(new FrameProcessor(VideoStreamConfig.DEFAULTS.withMaxSize(640, 480).withEnableResize(false))
                .process(large)).containsSame(large);
        assertThat(new FrameProcessor(VideoStreamConfig.DEFAULTS).process(large)).containsSame(large);
    }

    @Test
    void theAsyncFormDecidesAtOnceAndResizesWhenSubscribed() {
        FrameProcessor frames = new FrameProcessor(VideoStreamConfig.DEFAULTS.withMaxSize(160, 0));

        var first = frames.processAsync(frame(SMALL_FRAME, 0));
        var tooSoon = frames.processAsync(frame(SMALL_FRAME, 100));

        assertThat(frames.passedFrames()).isEqualTo(1);
        assertThat(frames.droppedFrames()).isEqualTo(1);
        StepVerifier.create(first).assertNext(f -> assertThat(f.width()).isEqualTo(160)).verifyComplete();
        StepVerifier.create(tooSoon).verifyComplete();
    }

    @Test
    void framesFromManyThreadsAreCountedOnceAndThePassedOnesKeepTheirSpacing() throws Exception {
        FrameProcessor frames = new FrameProcessor(VideoStreamConfig.DEFAULTS.withTargetFps(5).withMaxSize(160, 120));
        int threads = 8;
        int perThread = 150;
        ConcurrentLinkedQueue<ImageFrame> passed = new ConcurrentLinkedQueue<>();
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> work = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int thread = t;
                work.add(pool.submit(() -> {
                    start.await();
                    for (int i = 0; i < perThread; i++) {
                        // the threads interleave one camera's frames: thread t sends frames t, t+8, t+16, ...
                        Optional<ImageFrame> sent = frames.process(frame(SMALL_FRAME, at30Fps(i * threads + thread)));
                        sent.ifPresent(passed::add);
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> done : work) {
                done.get(60, TimeUnit.SECONDS);
            }
        }
        finally {
            pool.shutdownNow();
        }

        assertThat(frames.passedFrames() + frames.droppedFrames()).isEqualTo((long) threads * perThread);
        assertThat(passed).hasSize((int) frames.passedFrames());
        assertThat(frames.resizedFrames()).isEqualTo(frames.passedFrames());
        assertThat(passed).allSatisfy(f -> assertThat(f.width()).isEqualTo(160));
        List<Long> times = passed.stream().map(ImageFrame::timestampMillis).sorted().toList();
        for (int i = 1; i < times.size(); i++) {
            assertThat(times.get(i) - times.get(i - 1)).isGreaterThanOrEqualTo(199);
        }
        // 1200 frames at 30 FPS span 40 s: at most 5 frames a second of it can pass
        assertThat(frames.passedFrames()).isBetween(1L, 201L);
    }

    @Test
    void theConfigRejectsNonsense() {
        assertThatThrownBy(() -> VideoStreamConfig.DEFAULTS.withTargetFps(0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("targetFps");
        assertThatThrownBy(() -> VideoStreamConfig.DEFAULTS.withTargetFps(Double.NaN))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> VideoStreamConfig.DEFAULTS.withQuality(101))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(VideoStreamConfig.DEFAULTS).isEqualTo(new VideoStreamConfig(1.0, 0, 0, 85, true));
    }
}
