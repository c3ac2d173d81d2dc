/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.pack;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * An example multimodal message in a prompt's {@link MediaConfig}: a role and its text and media parts. The part
 * types are nested to keep them apart from the runtime's {@code dev.promptkit.types.ContentPart}.
 *
 * @since 0.1.0
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record MultimodalExample(
        @JsonProperty("name") String name,
        @JsonProperty("description") String description,
        @JsonProperty("role") String role,
        @JsonProperty("parts") List<ContentPart> parts) {

    public MultimodalExample {
        parts = Immutable.list(parts);
    }

    /**
     * One part of an example message: {@code text} for text parts, {@code media} for image, audio, video, ... parts.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ContentPart(
            @JsonProperty("type") String type,
            @JsonProperty("text") String text,
            @JsonProperty("media") MediaReference media) {
    }

    /**
     * Where an example's media comes from (a file path, a URL or base64 data) and its MIME type, detail and caption.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record MediaReference(
            @JsonProperty("file_path") String filePath,
            @JsonProperty("url") String url,
            @JsonProperty("base64") String base64,
            @JsonProperty("mime_type") String mimeType,
            @JsonProperty("detail") String detail,
            @JsonProperty("caption") String caption) {
    }
}
