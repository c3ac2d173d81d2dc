/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.pack;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.math.BigDecimal;
import java.util.Map;

/**
 * {@code metadata.cost_estimate}: expected cost per execution in USD; keys the spec does not name are kept in
 * {@code extra}.
 *
 * @since 0.1.0
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CostEstimate(
        @JsonProperty("min_cost_usd") BigDecimal minCostUsd,
        @JsonProperty("max_cost_usd") BigDecimal maxCostUsd,
        @JsonProperty("avg_cost_usd") BigDecimal avgCostUsd,
        @JsonAnySetter @JsonAnyGetter Map<String, Object> extra) {

    public CostEstimate {
        extra = Immutable.map(extra);
    }
}
