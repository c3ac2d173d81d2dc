/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.pack;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A named artifact slot of a workflow state: its MIME type, a description, and whether a new value replaces the old
 * one ({@code replace}, the default) or is appended to it ({@code append}).
 *
 * @since 0.1.0
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ArtifactDef(
        @JsonProperty("type") String type,
        @JsonProperty("description") String description,
        @JsonProperty("mode") String mode) {

    public static final String DEFAULT_MODE = "replace";

    public ArtifactDef {
        mode = mode == null ? DEFAULT_MODE : mode;
    }
}
