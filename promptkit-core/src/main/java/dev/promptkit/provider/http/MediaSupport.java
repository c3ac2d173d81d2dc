/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.provider.http;

import dev.promptkit.provider.UnsupportedMediaException;
import dev.promptkit.types.ContentPart;
import dev.promptkit.types.MediaContent;
import dev.promptkit.types.Message;
import dev.promptkit.types.Role;
import java.util.List;
import java.util.Locale;

/**
 * Checks the media parts of a request against what a provider's API takes, before anything is encoded or sent, so
 * that a part it cannot take fails the call with an {@link UnsupportedMediaException} naming the provider, the
 * model, the part and its MIME type. Each provider states its API's terms as a {@link Rule}; a part given only as a
 * file path is refused for every provider, since files are read before a provider is called.
 *
 * @since 0.1.0
 */
public final class MediaSupport {

    private MediaSupport() {
    }

    /** What an API says about one media part of a user message. */
    @FunctionalInterface
    public interface Rule {

        /** {@code null} when the API takes {@code part}, else what it takes instead, as a sentence fragment. */
        String refusal(ContentPart part);
    }

    /**
     * Checks every media part of the user messages in {@code messages}.
     *
     * @throws UnsupportedMediaException for the first part {@code rule} refuses
     */
    public static void check(String provider, String model, List<Message> messages, Rule rule) {
        for (int m = 0; m < messages.size(); m++) {
            Message message = messages.get(m);
            if (message.role() != Role.USER) {
                continue;
            }
            for (int p = 0; p < message.parts().size(); p++) {
                ContentPart part = message.parts().get(p);
                if (part.isText()) {
                    continue;
                }
                String missing = missingSource(part.media());
                String refusal = missing != null ? missing : rule.refusal(part);
                if (refusal != null) {
                    throw new UnsupportedMediaException(provider, model, m, p, part.type().wireName(),
                            part.media() != null ? part.media().mimeType() : null, refusal);
                }
            }
        }
    }

    /** The part's MIME type in lower case without parameters, or {@code ""} when it has none. */
    public static String mimeType(ContentPart part) {
        String mimeType = part.media().mimeType();
        if (mimeType == null) {
            return "";
        }
        int parameters = mimeType.indexOf(';');
        return (parameters < 0 ? mimeType : mimeType.substring(0, parameters)).trim().toLowerCase(Locale.ROOT);
    }

    /** Whether the part carries its bytes inline, as base64 data with a MIME type (and no URL). */
    public static boolean isInline(ContentPart part) {
        return part.media().url() == null && part.media().data() != null && part.media().mimeType() != null;
    }

    /** Whether the part is given by a URL for the vendor to fetch; a URL wins, as in {@link MediaSource}. */
    public static boolean isUrl(ContentPart part) {
        return part.media().url() != null;
    }

    /** Whether the part is a file uploaded to the vendor beforehand, given by its id. */
    public static boolean isFileId(ContentPart part) {
        return part.media().data() == null && part.media().url() == null && part.media().fileId() != null;
    }

    private static String missingSource(MediaContent media) {
        if (media != null && media.data() != null && media.url() == null) {
            return media.mimeType() != null ? null : "inline data needs its MIME type";
        }
        if (media != null && (media.url() != null || media.fileId() != null)) {
            return null;
        }
        return media != null && media.filePath() != null ? "a file path must be read before the provider is called;"
                + " pass the bytes, a URL or a file id" : "the part has no data, URL or file id";
    }
}
