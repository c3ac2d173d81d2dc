/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.media;

import dev.promptkit.types.MediaContent;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The bytes of a media part that are at hand: inline base64 {@code data}, a base64 {@code data:} URL, or a local
 * file. The bytes behind any other URL are the provider's to fetch, so they are neither read nor measured here.
 */
final class MediaPayload {

    private MediaPayload() {
    }

    /** The part's bytes; empty when they are behind a URL. */
    static Optional<byte[]> bytes(MediaContent media) throws IOException {
        String base64 = inlineBase64(media);
        if (base64 != null) {
            return Optional.of(Base64.getMimeDecoder().decode(base64));
        }
        if (media.filePath() != null) {
            return Optional.of(Files.readAllBytes(Path.of(media.filePath())));
        }
        return Optional.empty();
    }

    /** How many bytes the part takes, counted without decoding it; empty when they are behind a URL. */
    static OptionalLong size(MediaContent media) throws IOException {
        String base64 = inlineBase64(media);
        if (base64 != null) {
            return OptionalLong.of(decodedLength(base64));
        }
        if (media.filePath() != null) {
            return OptionalLong.of(Files.size(Path.of(media.filePath())));
        }
        return OptionalLong.empty();
    }

    /** The declared MIME type: the part's own, else its data URL's; {@code null} when neither says. */
    static String mimeType(MediaContent media) {
        if (media.mimeType() != null) {
            return media.mimeType();
        }
        return DataUrl.parse(media.url()).map(DataUrl::mimeType).orElse(null);
    }

    /** The part carrying {@code data} instead: a data URL stays one, inline data or a file become inline data. */
    static MediaContent replaced(MediaContent media, byte[] data, String mimeType) {
        String base64 = Base64.getEncoder().encodeToString(data);
        if (media.data() == null && media.url() != null) {
            return new MediaContent(null, null, new DataUrl(mimeType, base64).toString(), mimeType, media.detail(),
                    media.caption(), null, media.filename());
        }
        return new MediaContent(base64, null, null, mimeType, media.detail(), media.caption(), null,
                media.filename());
    }

    private static String inlineBase64(MediaContent media) {
        if (media.data() != null) {
            return media.data();
        }
        return DataUrl.parse(media.url()).map(DataUrl::base64).orElse(null);
    }

    /** The number of bytes base64 text decodes to; characters outside the alphabet (line breaks) are skipped. */
    private static long decodedLength(String base64) {
        long symbols = 0;
        for (int i = 0; i < base64.length(); i++) {
            char c = base64.charAt(i);
            if (c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '+' || c == '/'
                    || c == '-' || c == '_') {
                symbols++;
            }
        }
        return symbols * 3 / 4;
    }
}
