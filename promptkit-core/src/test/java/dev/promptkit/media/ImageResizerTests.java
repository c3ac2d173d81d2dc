/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ImageResizerTests {

    /** A 4000×3000 photo as a phone takes it, JPEG at quality 90. */
    private static byte[] largePhoto;

    private final ImageResizer defaults = new ImageResizer(ImagePreprocessConfig.DEFAULTS);

    @BeforeAll
    static void drawLargePhoto() {
        largePhoto = TestImages.jpeg(TestImages.photo(4000, 3000));
    }

    @Test
    void aLargePhotoIsScaledToFitWithItsAspectRatioAndStaysJpeg() {
        ResizedImage resized = defaults.resize(largePhoto).orElseThrow();

        assertThat(resized.mimeType()).isEqualTo("image/jpeg");
        assertThat(resized.width()).isEqualTo(1024);
        assertThat(resized.height()).isEqualTo(768);
        BufferedImage decoded = TestImages.read(resized.data());
        assertThat(decoded.getWidth()).isEqualTo(1024);
        assertThat(decoded.getHeight()).isEqualTo(768);
        assertThat(resized.data().length).isLessThan(largePhoto.length / 5);
    }

    @Test
    void scalingKeepsThePicture() {
        BufferedImage resized = TestImages.read(defaults.resize(largePhoto).orElseThrow().data());

        // the photo is a red gradient left to right and a green one top to bottom
        assertThat(red(resized.getRGB(10, 384))).isLessThan(20);
        assertThat(red(resized.getRGB(1013, 384))).isGreaterThan(235);
        assertThat(green(resized.getRGB(512, 10))).isLessThan(20);
        assertThat(green(resized.getRGB(512, 757))).isGreaterThan(235);
    }

    @Test
    void scalingAveragesFineDetailInsteadOfAliasingIt() {
        BufferedImage stripes = new BufferedImage(4000, 300, BufferedImage.TYPE_BYTE_GRAY);
        for (int x = 0; x < stripes.getWidth(); x += 2) {
            for (int y = 0; y < stripes.getHeight(); y++) {
                stripes.getRaster().setSample(x, y, 0, 255);
            }
        }

        BufferedImage resized = TestImages.read(defaults.resize(TestImages.png(stripes)).orElseThrow().data());

        // one-pixel black and white stripes average to grey; picking pixels (nearest neighbour) keeps black and white
        assertThat(resized.getWidth()).isEqualTo(1024);
        for (int x = 0; x < resized.getWidth(); x++) {
            assertThat(resized.getRaster().getSample(x, 38, 0)).as("x=%d", x).isBetween(96, 160);
        }
    }

    @Test
    void imagesWithinTheLimitsAreLeftAlone() {
        assertThat(defaults.resize(TestImages.jpeg(TestImages.photo(1024, 768)))).isEmpty();
        assertThat(defaults.resize(TestImages.png(TestImages.photo(300, 200)))).isEmpty();
        assertThat(new ImageResizer(ImagePreprocessConfig.DEFAULTS.withMaxSize(0, 0))
                .resize(largePhoto)).isEmpty();
    }

    @Test
    void aLowerQualityGivesASmallerJpeg() {
        byte[] photo = TestImages.jpeg(TestImages.photo(2000, 1500), 95);

        ResizedImage fine = new ImageResizer(ImagePreprocessConfig.DEFAULTS.withQuality(95)).resize(photo)
                .orElseThrow();
        ResizedImage coarse = new ImageResizer(ImagePreprocessConfig.DEFAULTS.withQuality(30)).resize(photo)
                .orElseThrow();

        assertThat(coarse.width()).isEqualTo(fine.width()).isEqualTo(1024);
        assertThat(coarse.data().length).isLessThan(fine.data().length / 2);
    }

    @Test
    void anImageWithTransparencyStaysPngAndKeepsItsTransparency() {
        byte[] png = TestImages.png(TestImages.withTransparency(2000, 1000));
        ImageResizer toJpeg = new ImageResizer(ImagePreprocessConfig.DEFAULTS.withConvertOpaqueToJpeg(true));

        ResizedImage resized = toJpeg.resize(png).orElseThrow();

        assertThat(resized.mimeType()).isEqualTo("image/png");
        BufferedImage decoded = TestImages.read(resized.data());
        assertThat(decoded.getWidth()).isEqualTo(1024);
        assertThat(decoded.getHeight()).isEqualTo(512);
        assertThat(decoded.getRGB(100, 256) >>> 24).isZero();
        assertThat(decoded.getRGB(900, 256) >>> 24).isEqualTo(0xFF);
    }

    @Test
    void anOpaquePngBecomesJpegOnlyWhenAsked() {
        byte[] png = TestImages.png(TestImages.opaqueWithAlphaChannel(2048, 1024));

        ResizedImage kept = defaults.resize(png).orElseThrow();
        ResizedImage converted = new ImageResizer(ImagePreprocessConfig.DEFAULTS.withConvertOpaqueToJpeg(true))
                .resize(png).orElseThrow();

        assertThat(kept.mimeType()).isEqualTo("image/png");
        assertThat(converted.mimeType()).isEqualTo("image/jpeg");
        assertThat(TestImages.read(converted.data()).getWidth()).isEqualTo(1024);
        assertThat(converted.data().length).isLessThan(kept.data().length);
    }

    @Test
    void aGreyImageStaysGrey() {
        ResizedImage resized = defaults.resize(TestImages.jpeg(TestImages.grey(3000, 2000))).orElseThrow();

        BufferedImage decoded = TestImages.read(resized.data());
        assertThat(decoded.getColorModel().getColorSpace().getType()).isEqualTo(ColorSpace.TYPE_GRAY);
        assertThat(decoded.getWidth()).isEqualTo(1024);
        assertThat(decoded.getHeight()).isEqualTo(683);
    }

    @Test
    void eachSideCanHaveItsOwnLimitOrNone() {
        ResizedImage widthOnly = new ImageResizer(ImagePreprocessConfig.DEFAULTS.withMaxSize(800, 0))
                .resize(largePhoto).orElseThrow();
        ResizedImage stretched = new ImageResizer(ImagePreprocessConfig.DEFAULTS.withMaxSize(500, 500)
                .withPreserveAspectRatio(false)).resize(largePhoto).orElseThrow();

        assertThat(widthOnly.width()).isEqualTo(800);
        assertThat(widthOnly.height()).isEqualTo(600);
        assertThat(stretched.width()).isEqualTo(500);
        assertThat(stretched.height()).isEqualTo(500);
    }

    @Test
    void aByteLimitLowersTheJpegQualityUntilTheImageFits() {
        ImagePreprocessConfig config = ImagePreprocessConfig.DEFAULTS.withQuality(95);
        int atQuality95 = new ImageResizer(config).resize(largePhoto).orElseThrow().data().length;

        ResizedImage capped = new ImageResizer(config.withMaxSizeBytes(atQuality95 / 2)).resize(largePhoto)
                .orElseThrow();

        assertThat(capped.data().length).isLessThanOrEqualTo(atQuality95 / 2);
        assertThat(capped.width()).isEqualTo(1024);
    }

    @Test
    void anImageWithinTheSideLimitsButOverTheByteLimitIsReencoded() {
        byte[] heavy = TestImages.jpeg(TestImages.photo(1000, 700), 100);
        ImageResizer resizer = new ImageResizer(ImagePreprocessConfig.DEFAULTS.withMaxSizeBytes(heavy.length / 2));

        ResizedImage lighter = resizer.resize(heavy).orElseThrow();

        assertThat(lighter.width()).isEqualTo(1000);
        assertThat(lighter.data().length).isLessThanOrEqualTo(heavy.length / 2);
    }

    @Test
    void aPhonePhotoStoredSidewaysIsTurnedUprightByItsExifOrientation() {
        BufferedImage stored = TestImages.photo(400, 200);
        for (int y = 0; y < 40; y++) {
            for (int x = 0; x < 40; x++) {
                stored.setRGB(x, y, 0x0000FF); // a blue marker in the stored top-left corner
            }
        }
        byte[] sideways = TestImages.withExifOrientation(TestImages.jpeg(stored, 95), 6);
        assertThat(ExifOrientation.of(sideways)).isEqualTo(6);

        ResizedImage upright = new ImageResizer(ImagePreprocessConfig.DEFAULTS.withMaxSize(100, 100))
                .resize(sideways).orElseThrow();

        assertThat(upright.width()).isEqualTo(50);
        assertThat(upright.height()).isEqualTo(100);
        BufferedImage decoded = TestImages.read(upright.data());
        assertThat(decoded.getWidth()).isEqualTo(50);
        assertThat(blue(decoded.getRGB(46, 3))).as("turned clockwise: the marker is now top right").isGreaterThan(200);
        assertThat(blue(decoded.getRGB(3, 3))).isLessThan(200);
    }

    @Test
    void everyExifOrientationMapsTheCornersAsTheStandardSays() {
        BufferedImage stored = new BufferedImage(3, 2, BufferedImage.TYPE_INT_RGB);
        stored.setRGB(0, 0, 1);
        stored.setRGB(2, 0, 2);
        stored.setRGB(0, 1, 3);
        stored.setRGB(2, 1, 4);
        // the stored top-left pixel (1) ends up here, as displayed
        int[][] topLeftGoesTo = { null, { 0, 0 }, { 2, 0 }, { 2, 1 }, { 0, 1 }, { 0, 0 }, { 1, 0 }, { 1, 2 },
            { 0, 2 } };
        for (int orientation = 1; orientation <= 8; orientation++) {
            BufferedImage shown = ExifOrientation.apply(stored, orientation);
            boolean turned = ExifOrientation.swapsSides(orientation);
            assertThat(shown.getWidth()).as("orientation %d", orientation).isEqualTo(turned ? 2 : 3);
            int[] at = topLeftGoesTo[orientation];
            assertThat(shown.getRGB(at[0], at[1]) & 0xFFFFFF).as("orientation %d", orientation).isEqualTo(1);
        }
    }

    @Test
    void aHugeImageIsDecodedSubsampledAndStillComesOutAtTheRightSize() {
        byte[] panorama = TestImages.jpeg(TestImages.photo(5000, 400));

        ResizedImage resized = defaults.resize(panorama).orElseThrow();

        assertThat(resized.width()).isEqualTo(1024);
        assertThat(resized.height()).isEqualTo(82);
        assertThat(red(TestImages.read(resized.data()).getRGB(1020, 40))).isGreaterThan(235);
    }

    @Test
    void formatsNotListedAndBytesThatAreNoImageAreLeftAlone() {
        byte[] gif = TestImages.write(TestImages.photo(2000, 1000), "gif");
        byte[] bmp = TestImages.write(TestImages.photo(2000, 1000), "bmp");

        assertThat(defaults.resize(gif)).isEmpty();
        assertThat(defaults.resize("not an image".getBytes())).isEmpty();
        assertThat(defaults.resize(new byte[] { (byte) 0xFF, (byte) 0xD8, (byte) 0xFF })).isEmpty();
        ResizedImage fromBmp = new ImageResizer(ImagePreprocessConfig.DEFAULTS.withMimeTypes("image/bmp"))
                .resize(bmp).orElseThrow();
        assertThat(fromBmp.mimeType()).isEqualTo("image/png");
        assertThat(fromBmp.width()).isEqualTo(1024);
    }

    @Test
    void theConfigRejectsNonsense() {
        assertThatThrownBy(() -> ImagePreprocessConfig.DEFAULTS.withQuality(0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("quality");
        assertThatThrownBy(() -> ImagePreprocessConfig.DEFAULTS.withMaxSize(-1, 10))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ImagePreprocessConfig.DEFAULTS.withMimeTypes())
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(ImagePreprocessConfig.DEFAULTS.withMimeTypes("IMAGE/PNG").mimeTypes()).containsExactly("image/png");
        assertThat(ImagePreprocessConfig.DEFAULTS.scaledSize(4000, 3000).width() / 1024.0)
                .isCloseTo(1.0, within(0.001));
    }

    private static int red(int rgb) {
        return rgb >> 16 & 0xFF;
    }

    private static int green(int rgb) {
        return rgb >> 8 & 0xFF;
    }

    private static int blue(int rgb) {
        return rgb & 0xFF;
    }
}
