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
 * A prompt's multimodal configuration (v1.1): whether media is enabled, which media types it accepts, the limits of
 * the well-known types, example messages, and the configuration of custom types (such as {@code model3d}) keyed by
 * type name in {@code customTypes}.
 *
 * @since 0.1.0
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record MediaConfig(
        @JsonProperty("enabled") boolean enabled,
        @JsonProperty("supported_types") List<String> supportedTypes,
        @JsonProperty("image") ImageConfig image,
        @JsonProperty("audio") AudioConfig audio,
        @JsonProperty("video") VideoConfig video,
        @JsonProperty("document") DocumentConfig document,
        @JsonProperty("examples") List<MultimodalExample> examples,
        @JsonAnySetter @JsonAnyGetter Map<String, GenericMediaTypeConfig> customTypes) {

    public MediaConfig {
        supportedTypes = Immutable.list(supportedTypes);
        examples = Immutable.list(examples);
        customTypes = Immutable.map(customTypes);
    }
}
