/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.media;

import java.awt.AlphaComposite;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ColorModel;

/**
 * Scales images down in steps of at most one half, each with bilinear interpolation: sharp, and free of the
 * aliasing a single large step leaves (the progressive approach Java2D's authors recommend over
 * {@code Image.getScaledInstance}). The result is RGB, grey or ARGB, as the source needs.
 */
final class ImageScaling {

    private ImageScaling() {
    }

    static BufferedImage scale(BufferedImage source, PixelSize target) {
        int type = workingType(source.getColorModel());
        BufferedImage current = source;
        int width = source.getWidth();
        int height = source.getHeight();
        do {
            width = nextStep(width, target.width());
            height = nextStep(height, target.height());
            current = draw(current, width, height, type);
        } while (width != target.width() || height != target.height());
        return current;
    }

    /** {@code image} copied into {@code type}. */
    static BufferedImage convert(BufferedImage image, int type) {
        return image.getType() == type ? image : draw(image, image.getWidth(), image.getHeight(), type);
    }

    private static int workingType(ColorModel model) {
        if (model.hasAlpha()) {
            return BufferedImage.TYPE_INT_ARGB;
        }
        return model.getColorSpace().getType() == ColorSpace.TYPE_GRAY ? BufferedImage.TYPE_BYTE_GRAY
                : BufferedImage.TYPE_INT_RGB;
    }

    private static int nextStep(int size, int target) {
        return size > target ? Math.max(target, size / 2) : target;
    }

    private static BufferedImage draw(BufferedImage source, int width, int height, int type) {
        BufferedImage target = new BufferedImage(width, height, type);
        Graphics2D graphics = target.createGraphics();
        try {
            graphics.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            graphics.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
            graphics.setComposite(AlphaComposite.Src);
            graphics.drawImage(source, 0, 0, width, height, null);
        }
        finally {
            graphics.dispose();
        }
        return target;
    }
}
