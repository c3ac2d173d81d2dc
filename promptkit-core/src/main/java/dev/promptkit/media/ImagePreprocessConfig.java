/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.media;

import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * How images are shrunk before they are sent (the seed's {@code ImagePreprocessConfig}): an image wider than
 * {@code maxWidth}, taller than {@code maxHeight} or larger than {@code maxSizeBytes} is scaled down and re-encoded;
 * every other image is left exactly as it was, byte for byte. Immutable; start from {@link #DEFAULTS} and derive
 * with the {@code with...} methods:
 *
 * <pre>{@code
 * ImagePreprocessConfig.DEFAULTS.withMaxSize(1568, 1568).withQuality(80).withConvertOpaqueToJpeg(true)
 * }</pre>
 *
 * @param maxWidth the widest an image may be, in pixels; 0 for no limit
 * @param maxHeight the tallest an image may be, in pixels; 0 for no limit
 * @param quality the JPEG quality of re-encoded images, 1 (smallest) to 100 (best)
 * @param preserveAspectRatio whether both sides are scaled by the same factor (else each side is cut to its own
 *     limit)
 * @param convertOpaqueToJpeg whether re-encoded images without transparency become JPEG whatever their format;
 *     otherwise JPEG stays JPEG and other formats become PNG. An image with transparent pixels is always PNG.
 * @param maxSizeBytes the most bytes an image may take; one over it is re-encoded, and when JPEG its quality is
 *     lowered step by step (to 10 at worst) until it fits; 0 for no limit
 * @param mimeTypes the formats that are re-encoded, as MIME types; images in other formats are sent as they are.
 *     The JDK reads JPEG, PNG, BMP and GIF (of which only the first frame); more with an ImageIO plugin.
 *
 * @since 0.1.0
 */
public record ImagePreprocessConfig(int maxWidth, int maxHeight, int quality, boolean preserveAspectRatio,
        boolean convertOpaqueToJpeg, long maxSizeBytes, Set<String> mimeTypes) {

    /** 1024×1024, JPEG quality 85, aspect ratio kept, format kept, no byte limit, JPEG and PNG images. */
    public static final ImagePreprocessConfig DEFAULTS = new ImagePreprocessConfig(1024, 1024, 85, true, false, 0,
            Set.of("image/jpeg", "image/png"));

    public ImagePreprocessConfig {
        if (maxWidth < 0 || maxHeight < 0) {
            throw new IllegalArgumentException("maxWidth and maxHeight must not be negative, were " + maxWidth
                    + "x" + maxHeight);
        }
        if (quality < 1 || quality > 100) {
            throw new IllegalArgumentException("quality must be between 1 and 100, was " + quality);
        }
        if (maxSizeBytes < 0) {
            throw new IllegalArgumentException("maxSizeBytes must not be negative, was " + maxSizeBytes);
        }
        if (mimeTypes == null || mimeTypes.isEmpty()) {
            throw new IllegalArgumentException("mimeTypes must name at least one image type");
        }
        mimeTypes = mimeTypes.stream().map(type -> type.toLowerCase(Locale.ROOT))
                .collect(Collectors.toUnmodifiableSet());
    }

    /** These limits in pixels (0 for no limit on that side). */
    public ImagePreprocessConfig withMaxSize(int width, int height) {
        return new ImagePreprocessConfig(width, height, quality, preserveAspectRatio, convertOpaqueToJpeg,
                maxSizeBytes, mimeTypes);
    }

    public ImagePreprocessConfig withQuality(int jpegQuality) {
        return new ImagePreprocessConfig(maxWidth, maxHeight, jpegQuality, preserveAspectRatio, convertOpaqueToJpeg,
                maxSizeBytes, mimeTypes);
    }

    public ImagePreprocessConfig withPreserveAspectRatio(boolean preserve) {
        return new ImagePreprocessConfig(maxWidth, maxHeight, quality, preserve, convertOpaqueToJpeg, maxSizeBytes,
                mimeTypes);
    }

    public ImagePreprocessConfig withConvertOpaqueToJpeg(boolean convert) {
        return new ImagePreprocessConfig(maxWidth, maxHeight, quality, preserveAspectRatio, convert, maxSizeBytes,
                mimeTypes);
    }

    public ImagePreprocessConfig withMaxSizeBytes(long bytes) {
        return new ImagePreprocessConfig(maxWidth, maxHeight, quality, preserveAspectRatio, convertOpaqueToJpeg,
                bytes, mimeTypes);
    }

    public ImagePreprocessConfig withMimeTypes(String... types) {
        return new ImagePreprocessConfig(maxWidth, maxHeight, quality, preserveAspectRatio, convertOpaqueToJpeg,
                maxSizeBytes, Set.of(types));
    }

    /** Whether an image of this size, taking {@code bytes}, is within every limit. */
    boolean fits(int width, int height, long bytes) {
        return (maxWidth == 0 || width <= maxWidth) && (maxHeight == 0 || height <= maxHeight)
                && (maxSizeBytes == 0 || bytes <= maxSizeBytes);
    }

    /** The size an image of {@code width}×{@code height} is scaled to: within the limits, never larger. */
    PixelSize scaledSize(int width, int height) {
        double widthRatio = maxWidth == 0 ? 1 : Math.min(1, (double) maxWidth / width);
        double heightRatio = maxHeight == 0 ? 1 : Math.min(1, (double) maxHeight / height);
        if (preserveAspectRatio) {
            double ratio = Math.min(widthRatio, heightRatio);
            widthRatio = ratio;
            heightRatio = ratio;
        }
        return new PixelSize(Math.max(1, (int) Math.round(width * widthRatio)),
                Math.max(1, (int) Math.round(height * heightRatio)));
    }
}
