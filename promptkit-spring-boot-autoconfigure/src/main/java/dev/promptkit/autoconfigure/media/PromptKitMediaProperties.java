/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.autoconfigure.media;

import dev.promptkit.media.ImagePreprocessConfig;
import dev.promptkit.media.VideoStreamConfig;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How images and video frames are shrunk before they reach the model, under {@code promptkit.media.*}. Each part is
 * off until one of its properties is set.
 *
 * @param images the images attached to messages: those over the limits are scaled down and re-encoded
 * @param video the frames sent into duplex sessions: thinned to a frame rate, and scaled down when over the limits
 *
 * @since 0.1.0
 */
@ConfigurationProperties("promptkit.media")
public record PromptKitMediaProperties(Images images, Video video) {

    /**
     * Image preprocessing: an image over either limit is scaled down (aspect ratio kept) and re-encoded; the others
     * are sent byte for byte.
     *
     * @param maxWidth the widest an image may be, in pixels; 0 for no limit
     * @param maxHeight the tallest an image may be, in pixels; 0 for no limit
     * @param quality the JPEG quality of re-encoded images, 1 to 100
     */
    public record Images(@DefaultValue("1024") int maxWidth, @DefaultValue("1024") int maxHeight,
            @DefaultValue("85") int quality) {

        public ImagePreprocessConfig toConfig() {
            return ImagePreprocessConfig.DEFAULTS.withMaxSize(maxWidth, maxHeight).withQuality(quality);
        }
    }

    /**
     * Video frames of duplex sessions.
     *
     * @param targetFps the most frames per second passed on
     * @param maxWidth the widest a frame may be, in pixels; 0 for no limit
     * @param maxHeight the tallest a frame may be, in pixels; 0 for no limit
     * @param quality the JPEG quality of resized frames, 1 to 100
     */
    public record Video(@DefaultValue("1.0") double targetFps, @DefaultValue("0") int maxWidth,
            @DefaultValue("0") int maxHeight, @DefaultValue("85") int quality) {

        public VideoStreamConfig toConfig() {
            return VideoStreamConfig.DEFAULTS.withTargetFps(targetFps).withMaxSize(maxWidth, maxHeight)
                    .withQuality(quality);
        }
    }
}
