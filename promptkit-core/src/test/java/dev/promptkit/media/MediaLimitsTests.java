/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.promptkit.pack.AudioConfig;
import dev.promptkit.pack.DocumentConfig;
import dev.promptkit.pack.ImageConfig;
import dev.promptkit.pack.MediaConfig;
import dev.promptkit.pack.VideoConfig;
import dev.promptkit.types.ContentPart;
import dev.promptkit.types.MediaContent;
import dev.promptkit.types.Message;
import dev.promptkit.validation.ValidationException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import javax.sound.sampled.AudioFileFormat;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MediaLimitsTests {

    private static final byte[] PNG = TestImages.png(TestImages.photo(8, 8));

    @TempDir
    Path folder;

    private static MediaConfig media(boolean enabled, List<String> supportedTypes, ImageConfig image, AudioConfig audio,
            VideoConfig video, DocumentConfig document) {
        return new MediaConfig(enabled, supportedTypes, image, audio, video, document, null, null);
    }

    private static MediaConfig images(ImageConfig image) {
        return media(true, List.of("image"), image, null, null, null);
    }

    private static ImageConfig imageLimits(Integer maxSizeMb, List<String> formats, Boolean requireCaption,
            Integer maxPerMessage) {
        return new ImageConfig(maxSizeMb, formats, null, requireCaption, maxPerMessage);
    }

    private static Message message(ContentPart... parts) {
        return Message.user("Look at this", List.of(parts));
    }

    private static ContentPart image(byte[] data, String mimeType) {
        return ContentPart.image(MediaContent.ofBase64(Base64.getEncoder().encodeToString(data), mimeType));
    }

    private static ContentPart audio(MediaContent media) {
        return new ContentPart(ContentPart.Type.AUDIO, null, media);
    }

    private static MediaValidationException failure(MediaConfig config, Message message) {
        try {
            new MediaLimits(config).check(message);
        }
        catch (MediaValidationException ex) {
            return ex;
        }
        throw new AssertionError("the message passed the limits");
    }

    @Test
    void mediaSwitchedOffRejectsAnyAttachment() {
        MediaValidationException ex = failure(media(false, null, null, null, null, null),
                message(image(PNG, "image/png")));

        assertThat(ex).hasMessage("image 1 of the message cannot be sent: the pack's media.enabled is false");
        assertThat(ex.limit()).isEqualTo("media.enabled");
        assertThat(ex.partIndex()).isZero();
        assertThatCode(() -> new MediaLimits(media(false, null, null, null, null, null)).check(Message.user("Hi")))
                .doesNotThrowAnyException();
    }

    @Test
    void aTypeOutsideTheSupportedTypesIsRejected() {
        MediaValidationException ex = failure(images(null), message(image(PNG, "image/png"),
                audio(MediaContent.ofUrl("https://example.com/a.mp3", "audio/mpeg"))));

        assertThat(ex).hasMessage("audio 2 of the message cannot be sent: the pack's media.supported_types is [image]");
        assertThat(ex.partIndex()).isEqualTo(1);
    }

    @Test
    void moreImagesThanAllowedAreRejectedNamingTheFirstOneTooMany() {
        MediaValidationException ex = failure(images(imageLimits(null, null, null, 3)), message(image(PNG, "image/png"),
                image(PNG, "image/png"), image(PNG, "image/png"), image(PNG, "image/png")));

        assertThat(ex).hasMessage("the message has 4 images; the pack's media.image.max_images_per_msg is 3");
        assertThat(ex.limit()).isEqualTo("media.image.max_images_per_msg");
        assertThat(ex.partIndex()).isEqualTo(3);
        assertThat(ex.details()).containsEntry("value", 4).containsEntry("limit_value", 3);
    }

    @Test
    void aFormatOutsideTheAllowedOnesIsRejectedWhateverItsSpelling() {
        MediaConfig config = images(imageLimits(null, List.of("jpg", "png"), null, null));

        assertThat(failure(config, message(image(PNG, "image/png"), image(PNG, "image/gif"))))
                .hasMessage("image 2 of the message is image/gif; the pack's media.image.allowed_formats is"
                        + " [jpg, png]");
        assertThat(failure(config, message(ContentPart.image(MediaContent.ofUrl("https://example.com/cat", null)))))
                .hasMessage("image 1 of the message has no MIME type or file extension to tell its format by; the"
                        + " pack's media.image.allowed_formats is [jpg, png]");
        assertThatCode(() -> new MediaLimits(config).check(message(image(PNG, "image/jpeg"), image(PNG, "image/JPG"),
                ContentPart.image(MediaContent.ofUrl("https://example.com/photos/cat.JPEG?size=large", null)),
                ContentPart.image(MediaContent.ofUrl("data:image/png;base64,AAAA", null)))))
                .doesNotThrowAnyException();
    }

    @Test
    void anImageOverTheSizeLimitIsRejectedWithItsSizeInMegabytesAndBytes() {
        byte[] large = new byte[6 * 1024 * 1024 + 123_456];
        MediaValidationException ex = failure(images(imageLimits(5, null, null, null)),
                message(image(PNG, "image/png"), image(large, "image/png")));

        assertThat(ex).hasMessage("image 2 of the message is 6.1 MB (6,414,912 bytes); the pack's"
                + " media.image.max_size_mb is 5");
        assertThat(ex.limit()).isEqualTo("media.image.max_size_mb");
        assertThat(ex.partIndex()).isEqualTo(1);
        assertThat(ex.details()).containsEntry("value", 6_414_912L).containsEntry("limit_value", 5L * 1024 * 1024);
    }

    @Test
    void sizesOfFilesAndDataUrlsCountAndUrlsElsewhereAreNotMeasured() throws IOException {
        MediaConfig config = media(true, List.of(), null, null, new VideoConfig(1, null, null, null),
                new DocumentConfig(1, null, null, null, null));
        Path file = Files.write(folder.resolve("contract.pdf"), new byte[2 * 1024 * 1024]);
        String dataUrl = "data:video/mp4;base64," + Base64.getEncoder().encodeToString(new byte[1_500_000]);

        assertThat(failure(config, message(ContentPart.document(MediaContent.ofFile(file.toString(), null)))))
                .hasMessage("document 1 of the message is 2.0 MB (2,097,152 bytes); the pack's"
                        + " media.document.max_size_mb is 1");
        assertThat(failure(config, message(new ContentPart(ContentPart.Type.VIDEO, null,
                MediaContent.ofUrl(dataUrl, null))))).hasMessage("video 1 of the message is 1.4 MB (1,500,000 bytes);"
                        + " the pack's media.video.max_size_mb is 1");
        assertThatCode(() -> new MediaLimits(config).check(message(new ContentPart(ContentPart.Type.VIDEO, null,
                MediaContent.ofUrl("https://example.com/huge.mp4", "video/mp4"))))).doesNotThrowAnyException();
    }

    @Test
    void aCaptionCanBeRequired() {
        MediaConfig config = images(imageLimits(null, null, true, null));
        MediaContent captioned = new MediaContent(Base64.getEncoder().encodeToString(PNG), null, null, "image/png",
                null, "A chart of sales");

        assertThat(failure(config, message(ContentPart.image(captioned), image(PNG, "image/png"))))
                .hasMessage("image 2 of the message has no caption; the pack's media.image.require_caption is true");
        assertThatCode(() -> new MediaLimits(config).check(message(ContentPart.image(captioned))))
                .doesNotThrowAnyException();
    }

    @Test
    void wavAudioLongerThanAllowedIsRejectedAndOtherAudioIsNotTimed() throws IOException {
        MediaConfig config = media(true, List.of("audio"), null, new AudioConfig(null, null, 2, null), null, null);
        byte[] wav = wav(Duration.ofSeconds(3));

        assertThat(failure(config, message(audio(MediaContent.ofBase64(Base64.getEncoder().encodeToString(wav),
                "audio/wav"))))).hasMessage("audio 1 of the message lasts 3.0 s; the pack's"
                        + " media.audio.max_duration_sec is 2");
        assertThatCode(() -> new MediaLimits(config).check(message(
                audio(MediaContent.ofBase64(Base64.getEncoder().encodeToString(wav(Duration.ofMillis(1900))),
                        "audio/x-wav")),
                audio(MediaContent.ofBase64(Base64.getEncoder().encodeToString(wav), "audio/mpeg")))))
                .doesNotThrowAnyException();
    }

    @Test
    void aPdfWithMorePagesThanAllowedIsRejected() throws IOException {
        MediaConfig config = media(true, null, null, null, null, new DocumentConfig(null, List.of("pdf"), 10, null,
                null));
        Path pdf = Files.write(folder.resolve("report.pdf"), pdf(12, 20));

        MediaValidationException ex = failure(config, message(ContentPart.document(MediaContent.ofFile(pdf.toString(),
                "application/pdf"))));

        assertThat(ex).hasMessage("document 1 of the message has 12 pages; the pack's media.document.max_pages is 10");
        assertThat(ex.limit()).isEqualTo("media.document.max_pages");
        assertThatCode(() -> new MediaLimits(config).check(message(ContentPart.document(MediaContent.ofBase64(
                Base64.getEncoder().encodeToString(pdf(3, 40)), "application/pdf"))))).doesNotThrowAnyException();
    }

    @Test
    void pageCountsComeFromThePageTreeRootAndArePassedOverWhenCompressed() {
        assertThat(PdfPageCount.of(pdf(12, 0))).hasValue(12);
        assertThat(PdfPageCount.of(pdf(2, 30))).as("outline counts are not pages").hasValue(2);
        assertThat(PdfPageCount.of("%PDF-1.7\n1 0 obj\n<</Type/ObjStm/N 3>>stream\nxx\nendstream endobj"
                .getBytes(StandardCharsets.ISO_8859_1))).isEmpty();
        assertThat(PdfPageCount.of("not a pdf".getBytes(StandardCharsets.ISO_8859_1))).isEmpty();
    }

    @Test
    void wavDurationsComeFromTheHeader() throws IOException {
        assertThat(WavDuration.of(wav(Duration.ofMillis(2500)))).hasValue(Duration.ofMillis(2500));
        assertThat(WavDuration.of("RIFF....WAVEjunk".getBytes(StandardCharsets.ISO_8859_1))).isEmpty();
        assertThat(WavDuration.of(PNG)).isEmpty();
    }

    @Test
    void aFailureIsAValidationExceptionOfTypeMedia() {
        MediaValidationException ex = failure(media(false, null, null, null, null, null),
                message(image(PNG, "image/png")));

        assertThat(ex).isInstanceOf(ValidationException.class);
        assertThat(ex.validatorType()).isEqualTo("media");
        assertThat(ex.reason()).isEqualTo(ex.getMessage());
        assertThat(ex.details()).containsAllEntriesOf(Map.of("limit", "media.enabled", "part_index", 0));
    }

    @Test
    void aMessageWithinEveryLimitPasses() {
        MediaConfig config = media(true, List.of("image", "document"), imageLimits(1, List.of("png"), false, 2), null,
                null, new DocumentConfig(1, List.of("pdf"), 5, null, null));

        assertThatCode(() -> new MediaLimits(config).check(message(image(PNG, "image/png"), image(PNG, "image/png"),
                ContentPart.document(MediaContent.ofBase64(Base64.getEncoder().encodeToString(pdf(5, 0)),
                        "application/pdf"))))).doesNotThrowAnyException();
    }

    /** A WAV file the JDK writes: 16 kHz, 16-bit mono silence lasting {@code length}. */
    private static byte[] wav(Duration length) throws IOException {
        AudioFormat format = new AudioFormat(16_000, 16, 1, true, false);
        int frames = (int) (length.toMillis() * 16);
        AudioInputStream samples = new AudioInputStream(new ByteArrayInputStream(new byte[frames * 2]), format, frames);
        ByteArrayOutputStream wav = new ByteArrayOutputStream();
        AudioSystem.write(samples, AudioFileFormat.Type.WAVE, wav);
        return wav.toByteArray();
    }

    /**
     * A plain-text PDF of {@code pages} pages in a two-level page tree, with an outline of {@code bookmarks} entries
     * (whose {@code /Count} must not be taken for pages).
     */
    private static byte[] pdf(int pages, int bookmarks) {
        int firstHalf = pages / 2;
        List<String> objects = new ArrayList<>();
        objects.add("<< /Type /Catalog /Pages 2 0 R /Outlines 5 0 R >>");
        objects.add("<< /Type /Pages /Kids [3 0 R 4 0 R] /Count " + pages + " >>");
        objects.add("<< /Type /Pages /Parent 2 0 R /Kids [" + kids(6, firstHalf) + "] /Count " + firstHalf + " >>");
        objects.add("<< /Type /Pages /Parent 2 0 R /Kids [" + kids(6 + firstHalf, pages - firstHalf) + "] /Count "
                + (pages - firstHalf) + " >>");
        objects.add("<< /Type /Outlines /Count " + bookmarks + " >>");
        for (int page = 0; page < pages; page++) {
            objects.add("<< /Type /Page /Parent " + (page < firstHalf ? 3 : 4) + " 0 R /MediaBox [0 0 612 792] >>");
        }
        StringBuilder pdf = new StringBuilder("%PDF-1.4\n");
        for (int i = 0; i < objects.size(); i++) {
            pdf.append(i + 1).append(" 0 obj\n").append(objects.get(i)).append("\nendobj\n");
        }
        pdf.append("trailer\n<< /Root 1 0 R /Size ").append(objects.size() + 1).append(" >>\n%%EOF\n");
        return pdf.toString().getBytes(StandardCharsets.ISO_8859_1);
    }

    private static String kids(int first, int count) {
        StringBuilder kids = new StringBuilder();
        for (int i = 0; i < count; i++) {
            kids.append(i == 0 ? "" : " ").append(first + i).append(" 0 R");
        }
        return kids.toString();
    }
}
