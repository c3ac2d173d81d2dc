/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.media;

import java.util.Optional;

/** A base64 {@code data:} URL, such as {@code data:image/png;base64,iVBORw0KGgo...}. */
record DataUrl(String mimeType, String base64) {

    private static final String SCHEME = "data:";
    private static final String BASE64_MARKER = ";base64";

    /** The data URL {@code url} is, when it is a base64 one. */
    static Optional<DataUrl> parse(String url) {
        if (url == null || !url.regionMatches(true, 0, SCHEME, 0, SCHEME.length())) {
            return Optional.empty();
        }
        int comma = url.indexOf(',');
        if (comma < 0) {
            return Optional.empty();
        }
        String header = url.substring(SCHEME.length(), comma);
        if (!header.regionMatches(true, header.length() - BASE64_MARKER.length(), BASE64_MARKER, 0,
                BASE64_MARKER.length())) {
            return Optional.empty();
        }
        int parameters = header.indexOf(';');
        String mimeType = header.substring(0, parameters).trim();
        return Optional.of(new DataUrl(mimeType.isEmpty() ? null : mimeType, url.substring(comma + 1)));
    }

    @Override
    public String toString() {
        return SCHEME + mimeType + BASE64_MARKER + "," + base64;
    }
}
