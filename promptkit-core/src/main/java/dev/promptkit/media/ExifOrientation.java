/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.media;

import java.awt.geom.AffineTransform;
import java.awt.image.AffineTransformOp;
import java.awt.image.BufferedImage;

/**
 * The EXIF orientation of a JPEG (tag 0x0112 of its first image directory): how the stored pixels must be
 * turned to be shown upright. Phones store portrait photos sideways with orientation 6 or 8; since a re-encoded
 * image carries no EXIF data, the turn is applied to its pixels instead.
 */
final class ExifOrientation {

    /** Stored upright: nothing to do. */
    static final int UPRIGHT = 1;

    private static final int ORIENTATION_TAG = 0x0112;
    private static final int APP1 = 0xE1;
    private static final int START_OF_SCAN = 0xDA;
    private static final int END_OF_IMAGE = 0xD9;

    private ExifOrientation() {
    }

    /** The orientation (1 to 8) a JPEG declares; {@link #UPRIGHT} when it declares none or is not a JPEG. */
    static int of(byte[] jpeg) {
        if (jpeg.length < 4 || u8(jpeg, 0) != 0xFF || u8(jpeg, 1) != 0xD8) {
            return UPRIGHT;
        }
        int at = 2;
        while (at + 4 <= jpeg.length && u8(jpeg, at) == 0xFF) {
            int marker = u8(jpeg, at + 1);
            if (marker == 0xFF) {
                at++;
                continue;
            }
            if (marker == START_OF_SCAN || marker == END_OF_IMAGE) {
                break;
            }
            int length = u16(jpeg, at + 2, false);
            if (marker == APP1 && isExif(jpeg, at + 4)) {
                return orientation(jpeg, at + 10, Math.min(jpeg.length, at + 2 + length));
            }
            at += 2 + length;
        }
        return UPRIGHT;
    }

    /** Whether this orientation shows the image turned by a quarter, so that its width and height swap. */
    static boolean swapsSides(int orientation) {
        return orientation >= 5 && orientation <= 8;
    }

    /** {@code image} turned and mirrored to be upright; the same image when it already is. */
    static BufferedImage apply(BufferedImage image, int orientation) {
        int w = image.getWidth();
        int h = image.getHeight();
        AffineTransform turn = switch (orientation) {
            case 2 -> new AffineTransform(-1, 0, 0, 1, w, 0);
            case 3 -> new AffineTransform(-1, 0, 0, -1, w, h);
            case 4 -> new AffineTransform(1, 0, 0, -1, 0, h);
            case 5 -> new AffineTransform(0, 1, 1, 0, 0, 0);
            case 6 -> new AffineTransform(0, 1, -1, 0, h, 0);
            case 7 -> new AffineTransform(0, -1, -1, 0, h, w);
            case 8 -> new AffineTransform(0, -1, 1, 0, 0, w);
            default -> null;
        };
        if (turn == null) {
            return image;
        }
        BufferedImage upright = swapsSides(orientation) ? new BufferedImage(h, w, image.getType())
                : new BufferedImage(w, h, image.getType());
        return new AffineTransformOp(turn, AffineTransformOp.TYPE_NEAREST_NEIGHBOR).filter(image, upright);
    }

    private static boolean isExif(byte[] data, int at) {
        return at + 6 <= data.length && data[at] == 'E' && data[at + 1] == 'x' && data[at + 2] == 'i'
                && data[at + 3] == 'f' && data[at + 4] == 0 && data[at + 5] == 0;
    }

    /** The orientation in the TIFF structure at {@code tiff} (ending before {@code end}), else upright. */
    private static int orientation(byte[] data, int tiff, int end) {
        if (tiff + 8 > end) {
            return UPRIGHT;
        }
        boolean littleEndian = data[tiff] == 'I' && data[tiff + 1] == 'I';
        boolean bigEndian = data[tiff] == 'M' && data[tiff + 1] == 'M';
        if (!littleEndian && !bigEndian || u16(data, tiff + 2, littleEndian) != 42) {
            return UPRIGHT;
        }
        long directory = tiff + u32(data, tiff + 4, littleEndian);
        if (directory + 2 > end) {
            return UPRIGHT;
        }
        int entries = u16(data, (int) directory, littleEndian);
        for (int i = 0; i < entries; i++) {
            int entry = (int) directory + 2 + 12 * i;
            if (entry + 12 > end) {
                break;
            }
            if (u16(data, entry, littleEndian) == ORIENTATION_TAG) {
                int value = u16(data, entry + 8, littleEndian);
                return value >= 1 && value <= 8 ? value : UPRIGHT;
            }
        }
        return UPRIGHT;
    }

    private static int u8(byte[] data, int at) {
        return data[at] & 0xFF;
    }

    private static int u16(byte[] data, int at, boolean littleEndian) {
        return littleEndian ? u8(data, at) | u8(data, at + 1) << 8 : u8(data, at) << 8 | u8(data, at + 1);
    }

    private static long u32(byte[] data, int at, boolean littleEndian) {
        return littleEndian ? (long) u16(data, at + 2, true) << 16 | u16(data, at, true)
                : (long) u16(data, at, false) << 16 | u16(data, at + 2, false);
    }
}
