/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.media;

/**
 * How the video frames sent into a duplex session are thinned and shrunk (the seed's {@code VideoStreamConfig});
 * see {@link FrameProcessor}. Immutable; start from {@link #DEFAULTS}.
 *
 * @param targetFps the most frames per second passed on, measured on the frames' own timestamps
 * @param maxWidth the widest a frame may be, in pixels; 0 for no limit
 * @param maxHeight the tallest a frame may be, in pixels; 0 for no limit
 * @param quality the JPEG quality of resized frames, 1 to 100
 * @param enableResize whether frames over the size limits are resized (else they are only thinned)
 *
 * @since 0.1.0
 */
public record VideoStreamConfig(double targetFps, int maxWidth, int maxHeight, int quality, boolean enableResize) {

    /** 1 frame per second, no size limit, quality 85, resizing on (as soon as a limit is set). */
    public static final VideoStreamConfig DEFAULTS = new VideoStreamConfig(1.0, 0, 0, 85, true);

    public VideoStreamConfig {
        if (!(targetFps > 0) || Double.isInfinite(targetFps)) {
            throw new IllegalArgumentException("targetFps must be a positive number, was " + targetFps);
        }
        if (maxWidth < 0 || maxHeight < 0) {
            throw new IllegalArgumentException("maxWidth and maxHeight must not be negative, were " + maxWidth
                    + "x" + maxHeight);
        }
        if (quality < 1 || quality > 100) {
            throw new IllegalArgumentException("quality must be between 1 and 100, was " + quality);
        }
    }

    public VideoStreamConfig withTargetFps(double fps) {
        return new VideoStreamConfig(fps, maxWidth, maxHeight, quality, enableResize);
    }

    /** These limits in pixels (0 for no limit on that side). */
    public VideoStreamConfig withMaxSize(int width, int height) {
        return new VideoStreamConfig(targetFps, width, height, quality, enableResize);
    }

    public VideoStreamConfig withQuality(int jpegQuality) {
        return new VideoStreamConfig(targetFps, maxWidth, maxHeight, jpegQuality, enableResize);
    }

    public VideoStreamConfig withEnableResize(boolean enable) {
        return new VideoStreamConfig(targetFps, maxWidth, maxHeight, quality, enable);
    }

    /** Whether frames are ever resized: resizing is on and at least one side is limited. */
    boolean resizes() {
        return enableResize && (maxWidth > 0 || maxHeight > 0);
    }
}
