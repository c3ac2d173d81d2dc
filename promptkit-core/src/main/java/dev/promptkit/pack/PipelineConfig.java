/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.pack;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * A prompt's declared {@code pipeline}: stage names in order and middleware. Informational; the runtime builds its
 * own pipeline.
 *
 * @since 0.1.0
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PipelineConfig(
        @JsonProperty("stages") List<String> stages,
        @JsonProperty("middleware") List<MiddlewareConfig> middleware) {

    public PipelineConfig {
        stages = Immutable.list(stages);
        middleware = Immutable.list(middleware);
    }
}
