/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.types;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Tokens used by one provider call (or a sum of calls) and what they cost in US dollars.
 * Cached tokens are those read from the provider's prompt cache; they are part of the input
 * but priced separately.
 *
 * @since 0.1.0
 */
@JsonInclude(JsonInclude.Include.NON_DEFAULT)
public record CostInfo(
        @JsonProperty("input_tokens") long inputTokens,
        @JsonProperty("output_tokens") long outputTokens,
        @JsonProperty("cached_tokens") long cachedTokens,
        @JsonProperty("input_cost_usd") double inputCostUsd,
        @JsonProperty("output_cost_usd") double outputCostUsd,
        @JsonProperty("cached_cost_usd") double cachedCostUsd,
        @JsonProperty("total_cost_usd") double totalCostUsd) {

    public static final CostInfo ZERO = new CostInfo(0, 0, 0, 0, 0, 0, 0);

    /** Reads the stored form, where zero values are left out. */
    @JsonCreator
    static CostInfo fromJson(@JsonProperty("input_tokens") Long inputTokens,
            @JsonProperty("output_tokens") Long outputTokens, @JsonProperty("cached_tokens") Long cachedTokens,
            @JsonProperty("input_cost_usd") Double inputCostUsd, @JsonProperty("output_cost_usd") Double outputCostUsd,
            @JsonProperty("cached_cost_usd") Double cachedCostUsd, @JsonProperty("total_cost_usd") Double totalCostUsd) {
        return new CostInfo(orZero(inputTokens), orZero(outputTokens), orZero(cachedTokens), orZero(inputCostUsd),
                orZero(outputCostUsd), orZero(cachedCostUsd), orZero(totalCostUsd));
    }

    private static long orZero(Long value) {
        return value == null ? 0 : value;
    }

    private static double orZero(Double value) {
        return value == null ? 0 : value;
    }

    /** Tokens with no price attached (an unknown model, or a free local one). */
    public static CostInfo unpriced(long inputTokens, long outputTokens, long cachedTokens) {
        return new CostInfo(inputTokens, outputTokens, cachedTokens, 0, 0, 0, 0);
    }

    public CostInfo plus(CostInfo other) {
        if (other == null) {
            return this;
        }
        return new CostInfo(inputTokens + other.inputTokens, outputTokens + other.outputTokens,
                cachedTokens + other.cachedTokens, inputCostUsd + other.inputCostUsd,
                outputCostUsd + other.outputCostUsd, cachedCostUsd + other.cachedCostUsd,
                totalCostUsd + other.totalCostUsd);
    }
}
