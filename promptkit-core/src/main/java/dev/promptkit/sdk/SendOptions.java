/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.sdk;

import dev.promptkit.PromptKitException;
import dev.promptkit.types.ContentPart;
import dev.promptkit.types.MediaContent;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Locale;
import java.util.Map;

/**
 * Attachments for one message: images (a file, bytes or a URL) and documents (a PDF file or bytes).
 * Files are read when the option is created, so a missing file fails at once, naming it.
 *
 * <pre>{@code
 * conversation.send("What is in this picture?", SendOptions.imageFile(Path.of("photo.jpg")));
 * conversation.send("Summarise the contract", SendOptions.documentFile(Path.of("contract.pdf")));
 * }</pre>
 *
 * @since 0.1.0
 */
public final class SendOptions {

    private static final Map<String, String> MIME_TYPES_BY_EXTENSION = Map.of(
            "png", "image/png", "jpg", "image/jpeg", "jpeg", "image/jpeg", "gif", "image/gif",
            "webp", "image/webp", "pdf", "application/pdf", "txt", "text/plain");

    private SendOptions() {
    }

    /** An image read from a file; the MIME type comes from the extension (png, jpg, jpeg, gif, webp). */
    public static SendOption imageFile(Path file) {
        MediaContent media = read(file, "image/");
        return () -> ContentPart.image(media);
    }

    /** An image given as bytes. */
    public static SendOption imageData(byte[] data, String mimeType) {
        MediaContent media = MediaContent.ofBase64(Base64.getEncoder().encodeToString(data), mimeType);
        return () -> ContentPart.image(media);
    }

    /** An image the provider fetches from a URL. */
    public static SendOption imageUrl(String url) {
        return imageUrl(url, null);
    }

    /** An image from a URL, with a detail hint ({@code low}, {@code high} or {@code auto}). */
    public static SendOption imageUrl(String url, String detail) {
        if (url == null || url.isBlank()) {
            throw new IllegalArgumentException("An image URL must not be empty");
        }
        MediaContent media = MediaContent.ofUrl(url, null).withDetail(detail);
        return () -> ContentPart.image(media);
    }

    /** A document read from a file (PDF or plain text). */
    public static SendOption documentFile(Path file) {
        MediaContent media = read(file, "");
        return () -> ContentPart.document(media);
    }

    /** A document given as bytes. */
    public static SendOption documentData(byte[] data, String mimeType) {
        MediaContent media = MediaContent.ofBase64(Base64.getEncoder().encodeToString(data), mimeType);
        return () -> ContentPart.document(media);
    }

    private static MediaContent read(Path file, String requiredMimePrefix) {
        String mimeType = mimeTypeOf(file);
        if (mimeType == null || !mimeType.startsWith(requiredMimePrefix)) {
            throw new IllegalArgumentException("Cannot attach " + file + ": unsupported file type (supported: "
                    + MIME_TYPES_BY_EXTENSION.keySet().stream().sorted().toList() + ")");
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
