/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.pack;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * Limits for document content (PDFs, spreadsheets, CAD files, ...); {@code extractionMode} ({@code text},
 * {@code structured}, {@code raw}) defaults to {@code text}.
 *
 * @since 0.1.0
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DocumentConfig(
        @JsonProperty("max_size_mb") Integer maxSizeMb,
        @JsonProperty("allowed_formats") List<String> allowedFormats,
        @JsonProperty("max_pages") Integer maxPages,
        @JsonProperty("require_metadata") Boolean requireMetadata,
        @JsonProperty("extraction_mode") String extractionMode) {

    public static final String DEFAULT_EXTRACTION_MODE = "text";

    public DocumentConfig {
        requireMetadata = requireMetadata == null ? Boolean.FALSE : requireMetadata;
        allowedFormats = Immutable.list(allowedFormats);
        extractionMode = extractionMode == null ? DEFAULT_EXTRACTION_MODE : extractionMode;
    }
}
