/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.duplex;

/**
 * One encoded image (a video frame or a screenshot) as sent into a duplex session: {@code data} in
 * {@code mimeType} (image/jpeg or image/png), with its pixel size, taken at {@code timestampMillis}.
 *
 * @since 0.1.0
 */
public record ImageFrame(byte[] data, String mimeType, int width, int height, long timestampMillis) {

    public ImageFrame {
        if (data == null || data.length == 0) {
            throw new IllegalArgumentException("an image frame needs data");
        }
        if (mimeType == null || !mimeType.startsWith("image/")) {
            throw new IllegalArgumentException("an image frame needs an image/* MIME type, was " + mimeType);
        }
    }
}
