/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.types;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Media carried by a {@link ContentPart}: exactly one of inline base64 {@code data}, a {@code filePath},
 * a {@code url} or a {@code fileId} (a file uploaded to the vendor beforehand, such as OpenAI's
 * {@code file-abc123}), plus its MIME type. {@code detail} is the image detail hint (low, high, auto);
 * {@code filename} names a document for the vendors that want a name with its bytes.
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
        @JsonProperty("caption") String caption,
        @JsonProperty("file_id") String fileId,
        @JsonProperty("filename") String filename) {

    /** Media without a file id or file name. */
    public MediaContent(String data, String filePath, String url, String mimeType, String detail, String caption) {
        this(data, filePath, url, mimeType, detail, caption, null, null);
    }

    public static MediaContent ofBase64(String base64, String mimeType) {
        return new MediaContent(base64, null, null, mimeType, null, null);
    }

    public static MediaContent ofUrl(String url, String mimeType) {
        return new MediaContent(null, null, url, mimeType, null, null);
    }

    public static MediaContent ofFile(String path, String mimeType) {
        return new MediaContent(null, path, null, mimeType, null, null);
    }

    /** A file uploaded to the vendor beforehand, referred to by the id the vendor gave it. */
    public static MediaContent ofFileId(String fileId, String mimeType) {
        return new MediaContent(null, null, null, mimeType, null, null, fileId, null);
    }

    public MediaContent withDetail(String newDetail) {
        return new MediaContent(data, filePath, url, mimeType, newDetail, caption, fileId, filename);
    }

    public MediaContent withFilename(String newFilename) {
        return new MediaContent(data, filePath, url, mimeType, detail, caption, fileId, newFilename);
    }
}
