/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.pack;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;

/**
 * Limits for a custom media type: the common fields, type-specific {@code validationParams}, and any other keys in
 * {@code extra}.
 *
 * @since 0.1.0
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record GenericMediaTypeConfig(
        @JsonProperty("max_size_mb") Integer maxSizeMb,
        @JsonProperty("allowed_formats") List<String> allowedFormats,
        @JsonProperty("require_metadata") Boolean requireMetadata,
        @JsonProperty("validation_params") Map<String, Object> validationParams,
        @JsonAnySetter @JsonAnyGetter Map<String, Object> extra) {

    public GenericMediaTypeConfig {
        requireMetadata = requireMetadata == null ? Boolean.FALSE : requireMetadata;
        allowedFormats = Immutable.list(allowedFormats);
        validationParams = Immutable.map(validationParams);
        extra = Immutable.map(extra);
    }
}
