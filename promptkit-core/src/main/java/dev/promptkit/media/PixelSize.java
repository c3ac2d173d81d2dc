/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.media;

/** The width and height of an image, in pixels. */
record PixelSize(int width, int height) {

    PixelSize transposed() {
        return new PixelSize(height, width);
    }

    @Override
    public String toString() {
        return width + "x" + height;
    }
}
