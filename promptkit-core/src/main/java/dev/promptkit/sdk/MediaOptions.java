/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.sdk;

import dev.promptkit.media.ImagePreprocessConfig;
import dev.promptkit.media.VideoStreamConfig;
import java.util.Objects;

/**
 * How a conversation's images and video frames are shrunk before they are sent: part of
 * {@link ConversationOptions}.
 *
 * @param imagePreprocessing how the images of each message are shrunk in the {@code image_preprocess} stage (the
 *     seed's {@code WithImagePreprocessing}): those over the limits are scaled down and re-encoded, the others sent
 *     byte for byte; the stored history keeps the shrunk image, which is what the model saw. {@code null} sends
 *     images as they are.
 * @param streamingVideo how the video frames a duplex conversation sends ({@code sendFrame}, image chunks of
 *     {@code sendVideoChunk}) are thinned and shrunk by a {@link dev.promptkit.media.FrameProcessor} of its own:
 *     frames sooner than its frame rate allows are dropped (the call completes without sending them), the others
 *     resized to JPEG when over its size limits. ASM mode only; VAD mode takes no frames. {@code null} sends frames
 *     as they come.
 *
 * @since 0.1.0
 */
public record MediaOptions(ImagePreprocessConfig imagePreprocessing, VideoStreamConfig streamingVideo) {

    /** Images and frames sent as they are. */
    public static final MediaOptions DEFAULTS = new MediaOptions(null, null);

    public MediaOptions withImagePreprocessing(ImagePreprocessConfig config) {
        return new MediaOptions(Objects.requireNonNull(config, "imagePreprocessing"), streamingVideo);
    }

    /**
     * These options shrinking images to fit {@code width}×{@code height} pixels, aspect ratio kept, with the other
     * {@link ImagePreprocessConfig#DEFAULTS} (the seed's {@code WithAutoResize}).
     */
    public MediaOptions withAutoResize(int width, int height) {
        if (width < 1 || height < 1) {
            throw new IllegalArgumentException("autoResize needs a positive width and height, was " + width + "x"
                    + height);
        }
        return withImagePreprocessing(ImagePreprocessConfig.DEFAULTS.withMaxSize(width, height));
    }

    public MediaOptions withStreamingVideo(VideoStreamConfig config) {
        return new MediaOptions(imagePreprocessing, Objects.requireNonNull(config, "streamingVideo"));
    }
}
