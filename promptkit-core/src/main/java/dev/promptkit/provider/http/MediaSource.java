/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.provider.http;

import dev.promptkit.provider.ProviderException;
import dev.promptkit.types.MediaContent;

/**
 * Where a provider finds the bytes of a media part: at a URL, or inline as base64 data with its MIME type.
 * A file path is not a source: files are loaded before a provider is called.
 *
 * @param url where the vendor fetches the bytes, or {@code null} for inline bytes
 * @param base64 the inline bytes, or {@code null} for a URL
 * @param mimeType the MIME type; always set for inline bytes, optional for a URL
 *
 * @since 0.1.0
 */
public record MediaSource(String url, String base64, String mimeType) {

    /**
     * The source of a media part; a URL wins over inline data.
     *
     * @param kind what the part is ({@code image}, {@code document}), for the error message
     * @throws ProviderException when the part has neither a URL nor base64 data with its MIME type
     */
    public static MediaSource of(String provider, String kind, MediaContent media) {
        if (media != null && media.url() != null) {
            return new MediaSource(media.url(), null, media.mimeType());
        }
        if (media != null && media.data() != null && media.mimeType() != null) {
            return new MediaSource(null, media.data(), media.mimeType());
        }
        throw ProviderException.unsupported(provider, kind + " parts need a URL, or base64 data with its MIME type;"
                + " file paths must be loaded before the provider is called");
    }

    /** Whether the vendor fetches the bytes from {@link #url()}. */
    public boolean isUrl() {
        return url != null;
    }

    /** The inline bytes as a {@code data:} URL, such as {@code data:application/pdf;base64,JVBERi0...}. */
    public String dataUrl() {
        return "data:" + mimeType + ";base64," + base64;
    }
}
