/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.sdk;

import dev.promptkit.PromptKitException;
import dev.promptkit.types.ContentPart;
import dev.promptkit.types.MediaContent;
import dev.promptkit.types.ReasoningSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Base64;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * Attachments for one message: images (a file, bytes or a URL), audio and video (a file, bytes or a URL) and
 * documents (a PDF or text file, bytes, a URL or the id of a file uploaded to the vendor), and reasoning settings
 * for the message's turn ({@link #reasoning}). Files are read when the
 * option is created, so a missing file fails at once, naming it. What each provider takes differs (see "Media" in
 * the README); a part the provider cannot take fails the turn before any call, naming the part.
 *
 * <pre>{@code
 * conversation.send("What is in this picture?", SendOptions.imageFile(Path.of("photo.jpg")));
 * conversation.send("Transcribe this", SendOptions.audioFile(Path.of("memo.wav")));
 * conversation.send("What happens here?", SendOptions.videoFile(Path.of("clip.mp4")));
 * conversation.send("Summarise the contract", SendOptions.documentFile(Path.of("contract.pdf")));
 * conversation.send("Prove it", SendOptions.reasoning(ReasoningSettings.budget(8192).withSummaries()));
 * }</pre>
 *
 * @since 0.1.0
 */
public final class SendOptions {

    private static final Map<String, String> MIME_TYPES_BY_EXTENSION = Map.ofEntries(
            Map.entry("png", "image/png"), Map.entry("jpg", "image/jpeg"), Map.entry("jpeg", "image/jpeg"),
            Map.entry("gif", "image/gif"), Map.entry("webp", "image/webp"), Map.entry("wav", "audio/wav"),
            Map.entry("mp3", "audio/mpeg"), Map.entry("ogg", "audio/ogg"), Map.entry("flac", "audio/flac"),
            Map.entry("aac", "audio/aac"), Map.entry("m4a", "audio/mp4"), Map.entry("mp4", "video/mp4"),
            Map.entry("webm", "video/webm"), Map.entry("mov", "video/quicktime"), Map.entry("mpeg", "video/mpeg"),
            Map.entry("pdf", "application/pdf"), Map.entry("txt", "text/plain"), Map.entry("md", "text/markdown"));

    private SendOptions() {
    }

    /** An image read from a file; the MIME type comes from the extension (png, jpg, jpeg, gif, webp). */
    public static SendOption imageFile(Path file) {
        return attach(ContentPart::image, read(file, "image/"));
    }

    /** An image given as bytes. */
    public static SendOption imageData(byte[] data, String mimeType) {
        return attach(ContentPart::image, inline(data, mimeType));
    }

    /** An image the provider fetches from a URL. */
    public static SendOption imageUrl(String url) {
        return imageUrl(url, null);
    }

    /** An image from a URL, with a detail hint ({@code low}, {@code high} or {@code auto}). */
    public static SendOption imageUrl(String url, String detail) {
        return attach(ContentPart::image, MediaContent.ofUrl(requireUrl(url, "image"), null).withDetail(detail));
    }

    /** Audio read from a file; the MIME type comes from the extension (wav, mp3, ogg, flac, aac, m4a). */
    public static SendOption audioFile(Path file) {
        return attach(ContentPart::audio, read(file, "audio/"));
    }

    /** Audio given as bytes, such as {@code audio/wav} or {@code audio/mpeg}. */
    public static SendOption audioData(byte[] data, String mimeType) {
        return attach(ContentPart::audio, inline(data, mimeType));
    }

    /** Audio the provider fetches from a URL (a Gemini Files API URI, for one). */
    public static SendOption audioUrl(String url, String mimeType) {
        return attach(ContentPart::audio, MediaContent.ofUrl(requireUrl(url, "audio"), mimeType));
    }

    /** A video read from a file; the MIME type comes from the extension (mp4, webm, mov, mpeg). */
    public static SendOption videoFile(Path file) {
        return attach(ContentPart::video, read(file, "video/"));
    }

    /** A video given as bytes, such as {@code video/mp4}. */
    public static SendOption videoData(byte[] data, String mimeType) {
        return attach(ContentPart::video, inline(data, mimeType));
    }

    /** A video the provider fetches from a URL (a Gemini Files API URI, for one). */
    public static SendOption videoUrl(String url, String mimeType) {
        return attach(ContentPart::video, MediaContent.ofUrl(requireUrl(url, "video"), mimeType));
    }

    /** A document read from a file (pdf, txt, md); its file name travels with it. */
    public static SendOption documentFile(Path file) {
        MediaContent media = read(file, "application/pdf", "text/").withFilename(file.getFileName().toString());
        return attach(ContentPart::document, media);
    }

    /** A document given as bytes, such as {@code application/pdf} or {@code text/plain}. */
    public static SendOption documentData(byte[] data, String mimeType) {
        return attach(ContentPart::document, inline(data, mimeType));
    }

    /** A document given as bytes, with the file name the vendors that want one are sent. */
    public static SendOption documentData(byte[] data, String mimeType, String filename) {
        return attach(ContentPart::document, inline(data, mimeType).withFilename(filename));
    }

    /** A PDF the provider fetches from a URL. */
    public static SendOption documentUrl(String url) {
        return attach(ContentPart::document, MediaContent.ofUrl(requireUrl(url, "document"), "application/pdf"));
    }

    /** A PDF uploaded to the vendor beforehand, by the id it gave (OpenAI's {@code file-abc123}). */
    public static SendOption documentFileId(String fileId) {
        if (fileId == null || fileId.isBlank()) {
            throw new IllegalArgumentException("A document file id must not be empty");
        }
        return attach(ContentPart::document, MediaContent.ofFileId(fileId, "application/pdf"));
    }

    /**
     * Reasoning settings for this turn only, laid over the pack's {@code parameters} and the conversation's options
     * (a value left {@code null} keeps theirs): {@code SendOptions.reasoning(ReasoningSettings.effort("high"))}.
     */
    public static SendOption reasoning(ReasoningSettings settings) {
        Objects.requireNonNull(settings, "settings");
        return new SendOption() {
            @Override
            public ContentPart part() {
                return null;
            }

            @Override
            public ReasoningSettings reasoning() {
                return settings;
            }
        };
    }

    /** The option adding {@code media} as a part of the given kind; the media is made once, when it is called. */
    private static SendOption attach(Function<MediaContent, ContentPart> kind, MediaContent media) {
        ContentPart part = kind.apply(media);
        return () -> part;
    }

    private static MediaContent inline(byte[] data, String mimeType) {
        if (mimeType == null || mimeType.isBlank()) {
            throw new IllegalArgumentException("Attached bytes need their MIME type, such as image/png or audio/wav");
        }
        return MediaContent.ofBase64(Base64.getEncoder().encodeToString(data), mimeType);
    }

    private static String requireUrl(String url, String kind) {
        if (url == null || url.isBlank()) {
            throw new IllegalArgumentException("The " + kind + " URL must not be empty");
        }
        return url;
    }

    private static MediaContent read(Path file, String... mimePrefixes) {
        String mimeType = mimeTypeOf(file);
        if (mimeType == null || Arrays.stream(mimePrefixes).noneMatch(mimeType::startsWith)) {
            throw new IllegalArgumentException("Cannot attach " + file + " as " + String.join(" or ", mimePrefixes)
                    + "*: unsupported file type (supported: " + MIME_TYPES_BY_EXTENSION.entrySet().stream()
                    .filter(entry -> Arrays.stream(mimePrefixes).anyMatch(entry.getValue()::startsWith))
                    .map(Map.Entry::getKey).sorted().toList() + ")");
        }
        try {
            return MediaContent.ofBase64(Base64.getEncoder().encodeToString(Files.readAllBytes(file)), mimeType);
        }
        catch (IOException ex) {
            throw new PromptKitException("Cannot read attachment " + file + ": " + ex.getMessage(), ex);
        }
    }

    private static String mimeTypeOf(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot < 0 ? null : MIME_TYPES_BY_EXTENSION.get(name.substring(dot + 1).toLowerCase(Locale.ROOT));
    }
}
