/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.media;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/** Writes images as JPEG (at a quality) or PNG, in memory, and tells whether an image has transparent pixels. */
final class ImageEncoding {

    static final String JPEG = "image/jpeg";
    static final String PNG = "image/png";

    private ImageEncoding() {
    }

    /** {@code image} as a baseline JPEG at {@code quality} (1 to 100); an alpha channel is dropped. */
    static byte[] jpeg(BufferedImage image, int quality) throws IOException {
        BufferedImage opaque = image.getColorModel().hasAlpha()
                ? ImageScaling.convert(image, BufferedImage.TYPE_INT_RGB) : image;
        ImageWriter writer = ImageIO.getImageWritersByMIMEType(JPEG).next();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
            writer.setOutput(out);
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(quality / 100f);
            writer.write(null, new IIOImage(opaque, null, null), param);
        }
        finally {
            writer.dispose();
        }
        return bytes.toByteArray();
    }

    static byte[] png(BufferedImage image) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
            if (!ImageIO.write(image, "png", out)) {
                throw new IOException("No PNG writer for an image of type " + image.getType());
            }
        }
        return bytes.toByteArray();
    }

    /** Whether any pixel of {@code image} is not fully opaque. */
    static boolean hasTransparency(BufferedImage image) {
        if (!image.getColorModel().hasAlpha()) {
            return false;
        }
        int width = image.getWidth();
        int[] row = new int[width];
        for (int y = 0; y < image.getHeight(); y++) {
            image.getRGB(0, y, width, 1, row, 0, width);
            for (int pixel : row) {
                if (pixel >>> 24 != 0xFF) {
                    return true;
                }
            }
        }
        return false;
    }
}
