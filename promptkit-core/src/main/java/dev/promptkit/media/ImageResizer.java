/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.media;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Iterator;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Shrinks one encoded image to the limits of an {@link ImagePreprocessConfig}: reads its size from the header
 * (nothing is decoded for an image within the limits), decodes it (every n-th pixel only when it is more than
 * twice the target size, which bounds the memory a huge image takes), scales it progressively, turns it upright
 * by its EXIF orientation and re-encodes it. Thread-safe; CPU-bound, so call it off event-loop threads.
 *
 * @since 0.1.0
 */
public final class ImageResizer {

    private static final Logger log = LoggerFactory.getLogger(ImageResizer.class);

    private static final int MIN_QUALITY = 10;
    private static final double QUALITY_STEP = 0.9;

    private final ImagePreprocessConfig config;

    public ImageResizer(ImagePreprocessConfig config) {
        this.config = Objects.requireNonNull(config, "config");
    }

    public ImagePreprocessConfig config() {
        return config;
    }

    /**
     * {@code encoded} shrunk to the limits. Empty, meaning send it as it is, when it is within the limits already,
     * its format is not among {@link ImagePreprocessConfig#mimeTypes()}, the JDK cannot decode it, or re-encoding an
     * image that needed no scaling would not make it smaller.
     */
    public Optional<ResizedImage> resize(byte[] encoded) {
        try (ImageInputStream input = new MemoryCacheImageInputStream(new ByteArrayInputStream(encoded))) {
            Iterator<ImageReader> readers = ImageIO.getImageReaders(input);
            if (!readers.hasNext()) {
                return Optional.empty();
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(input, true, true);
                return resize(encoded, reader);
            }
            finally {
                reader.dispose();
            }
        }
        catch (IOException | RuntimeException ex) {
            log.debug("An image is sent as it is: it could not be re-encoded ({})", ex.toString());
            return Optional.empty();
        }
    }

    private Optional<ResizedImage> resize(byte[] encoded, ImageReader reader) throws IOException {
        String mimeType = reader.getOriginatingProvider().getMIMETypes()[0].toLowerCase(Locale.ROOT);
        if (!config.mimeTypes().contains(mimeType)) {
            return Optional.empty();
        }
        int orientation = ImageEncoding.JPEG.equals(mimeType) ? ExifOrientation.of(encoded) : ExifOrientation.UPRIGHT;
        boolean turned = ExifOrientation.swapsSides(orientation);
        PixelSize stored = new PixelSize(reader.getWidth(0), reader.getHeight(0));
        PixelSize shown = turned ? stored.transposed() : stored;
        if (config.fits(shown.width(), shown.height(), encoded.length)) {
            return Optional.empty();
        }
        PixelSize target = config.scaledSize(shown.width(), shown.height());
        PixelSize storedTarget = turned ? target.transposed() : target;
        BufferedImage decoded = reader.read(0, subsampling(reader, stored, storedTarget));
        BufferedImage upright = ExifOrientation.apply(ImageScaling.scale(decoded, storedTarget), orientation);
        Optional<ResizedImage> resized = encode(upright, mimeType, encoded.length, !target.equals(shown));
        resized.ifPresent(image -> log.debug("Image resized from {} ({} bytes of {}) to {} ({} bytes of {})", shown,
                encoded.length, mimeType, target, image.data().length, image.mimeType()));
        return resized;
    }

    /** Reads every n-th pixel when the image is at least twice the target size both ways, else every pixel. */
    private static ImageReadParam subsampling(ImageReader reader, PixelSize stored, PixelSize target) {
        ImageReadParam param = reader.getDefaultReadParam();
        int factor = Math.min(stored.width() / (2 * target.width()), stored.height() / (2 * target.height()));
        if (factor > 1) {
            param.setSourceSubsampling(factor, factor, 0, 0);
        }
        return param;
    }

    private Optional<ResizedImage> encode(BufferedImage image, String sourceType, long sourceBytes, boolean scaled)
            throws IOException {
        boolean jpeg = !ImageEncoding.hasTransparency(image)
                && (config.convertOpaqueToJpeg() || ImageEncoding.JPEG.equals(sourceType));
        byte[] data = jpeg ? jpegWithinSize(image) : ImageEncoding.png(image);
        if (!scaled && data.length >= sourceBytes) {
            return Optional.empty();
        }
        return Optional.of(new ResizedImage(data, jpeg ? ImageEncoding.JPEG : ImageEncoding.PNG, image.getWidth(),
                image.getHeight()));
    }

    /** The JPEG at the configured quality, or at a lower one where that is needed to fit the byte limit. */
    private byte[] jpegWithinSize(BufferedImage image) throws IOException {
        int quality = config.quality();
        byte[] data = ImageEncoding.jpeg(image, quality);
        while (config.maxSizeBytes() > 0 && data.length > config.maxSizeBytes() && quality > MIN_QUALITY) {
            quality = Math.max(MIN_QUALITY, (int) (quality * QUALITY_STEP));
            data = ImageEncoding.jpeg(image, quality);
        }
        return data;
    }
}
