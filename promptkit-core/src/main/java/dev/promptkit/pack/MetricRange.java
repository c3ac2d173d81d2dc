/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.pack;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Map;

/**
 * The expected bounds of a {@link MetricDef}; keys the spec does not name are kept in {@code extra}.
 *
 * @since 0.1.0
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record MetricRange(
        @JsonProperty("min") Double min,
        @JsonProperty("max") Double max,
        @JsonAnySetter @JsonAnyGetter Map<String, Object> extra) {

    public MetricRange {
        extra = Immutable.map(extra);
    }
}
