/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.types;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Media carried by a {@link ContentPart}: exactly one of inline base64 {@code data}, a {@code filePath}
 * or a {@code url}, plus its MIME type. {@code detail} is the image detail hint (low, high, auto).
 *
 * @since 0.1.0
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record MediaContent(
        @JsonProperty("data") String data,
        @JsonProperty("file_path") String filePath,
        @JsonProperty("url") String url,
        @JsonProperty("mime_type") String mimeType,
        @JsonProperty("detail") String detail,
        @JsonProperty("caption") String caption) {

    public static MediaContent ofBase64(String base64, String mimeType) {
        return new MediaContent(base64, null, null, mimeType, null, null);
    }

    public static MediaContent ofUrl(String url, String mimeType) {
        return new MediaContent(null, null, url, mimeType, null, null);
    }

    public static MediaContent ofFile(String path, String mimeType) {
        return new MediaContent(null, path, null, mimeType, null, null);
    }

    public MediaContent withDetail(String newDetail) {
        return new MediaContent(data, filePath, url, mimeType, newDetail, caption);
    }
}
