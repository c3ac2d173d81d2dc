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
 * The Prometheus-style metric an eval produces: name, type ({@code gauge}, {@code counter}, {@code histogram},
 * {@code boolean}) and optional value range; keys the spec does not name are kept in {@code extra}.
 *
 * @since 0.1.0
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record MetricDef(
        @JsonProperty("name") String name,
        @JsonProperty("type") String type,
        @JsonProperty("range") MetricRange range,
        @JsonAnySetter @JsonAnyGetter Map<String, Object> extra) {

    public MetricDef {
        extra = Immutable.map(extra);
    }
}
