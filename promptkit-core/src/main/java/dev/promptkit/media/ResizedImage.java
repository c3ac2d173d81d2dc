/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.media;

/**
 * An image as {@link ImageResizer} re-encoded it.
 *
 * @param data the encoded bytes
 * @param mimeType their format: {@code image/jpeg} or {@code image/png}
 * @param width the width in pixels, as the image is shown (after its EXIF orientation was applied)
 * @param height the height in pixels, as the image is shown
 *
 * @since 0.1.0
 */
public record ResizedImage(byte[] data, String mimeType, int width, int height) {
}
