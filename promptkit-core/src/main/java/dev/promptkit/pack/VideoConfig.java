/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.pack;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * Limits for video content: size, formats, duration, and whether metadata is required.
 *
 * @since 0.1.0
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record VideoConfig(
        @JsonProperty("max_size_mb") Integer maxSizeMb,
        @JsonProperty("allowed_formats") List<String> allowedFormats,
        @JsonProperty("max_duration_sec") Integer maxDurationSec,
        @JsonProperty("require_metadata") Boolean requireMetadata) {

    public VideoConfig {
        requireMetadata = requireMetadata == null ? Boolean.FALSE : requireMetadata;
        allowedFormats = Immutable.list(allowedFormats);
    }
}
