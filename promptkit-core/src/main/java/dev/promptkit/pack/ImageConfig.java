/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.pack;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * Limits for image content; {@code defaultDetail} ({@code low}, {@code high}, {@code auto}) defaults to {@code auto}.
 *
 * @since 0.1.0
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ImageConfig(
        @JsonProperty("max_size_mb") Integer maxSizeMb,
        @JsonProperty("allowed_formats") List<String> allowedFormats,
        @JsonProperty("default_detail") String defaultDetail,
        @JsonProperty("require_caption") Boolean requireCaption,
        @JsonProperty("max_images_per_msg") Integer maxImagesPerMsg) {

    public static final String DEFAULT_DETAIL = "auto";

    public ImageConfig {
        requireCaption = requireCaption == null ? Boolean.FALSE : requireCaption;
        allowedFormats = Immutable.list(allowedFormats);
        defaultDetail = defaultDetail == null ? DEFAULT_DETAIL : defaultDetail;
    }
}
