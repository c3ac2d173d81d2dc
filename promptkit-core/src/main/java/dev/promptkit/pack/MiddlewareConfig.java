/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.pack;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Map;

/**
 * One middleware of a {@link PipelineConfig}: its type and free-form configuration.
 *
 * @since 0.1.0
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record MiddlewareConfig(
        @JsonProperty("type") String type,
        @JsonProperty("config") Map<String, Object> config) {

    public MiddlewareConfig {
        config = Immutable.map(config);
    }
}
