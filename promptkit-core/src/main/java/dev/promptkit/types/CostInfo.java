/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.types;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.math.BigDecimal;
import tools.jackson.databind.annotation.JsonSerialize;

/**
 * Tokens used by one provider call (or a sum of calls) and what they cost in US dollars, as exact decimals.
 * The prompt is counted in three parts, each at its own price: {@code inputTokens} (read normally),
 * {@code cachedTokens} (read from the provider's prompt cache) and {@code cacheWriteTokens} (written to it).
 * {@code reasoningTokens} are the part of {@code outputTokens} the model spent reasoning; they are priced as
 * output.
 *
 * <p>The JSON is the Go original's {@code types.CostInfo}: {@code input_tokens}, {@code output_tokens},
 * {@code input_cost_usd}, {@code output_cost_usd} and {@code total_cost_usd} always, {@code cached_tokens} and
 * {@code cached_cost_usd} when not zero; this port adds {@code cache_write_tokens}, {@code cache_write_cost_usd}
 * and {@code reasoning_tokens}, also only when not zero. Amounts are JSON numbers written in plain notation. Reading takes any
 * JSON number (a Go writer's {@code 0.0024400000000000003} included, kept exactly) and a missing field as zero.
 * Amounts are kept without trailing zeros, so equal amounts are {@code equals}.
 *
 * @since 0.1.0
 */
public record CostInfo(
        @JsonProperty("input_tokens") long inputTokens,
        @JsonProperty("output_tokens") long outputTokens,
        @JsonProperty("cached_tokens") @JsonInclude(JsonInclude.Include.NON_DEFAULT) long cachedTokens,
        @JsonProperty("input_cost_usd") @JsonSerialize(using = PlainDecimalSerializer.class) BigDecimal inputCostUsd,
        @JsonProperty("output_cost_usd") @JsonSerialize(using = PlainDecimalSerializer.class) BigDecimal outputCostUsd,
        @JsonProperty("cached_cost_usd") @JsonSerialize(using = PlainDecimalSerializer.class)
        @JsonInclude(value = JsonInclude.Include.CUSTOM, valueFilter = ZeroAmountFilter.class) BigDecimal cachedCostUsd,
        @JsonProperty("total_cost_usd") @JsonSerialize(using = PlainDecimalSerializer.class) BigDecimal totalCostUsd,
        @JsonProperty("cache_write_tokens") @JsonInclude(JsonInclude.Include.NON_DEFAULT) long cacheWriteTokens,
        @JsonProperty("cache_write_cost_usd") @JsonSerialize(using = PlainDecimalSerializer.class)
        @JsonInclude(value = JsonInclude.Include.CUSTOM, valueFilter = ZeroAmountFilter.class)
        BigDecimal cacheWriteCostUsd,
        @JsonProperty("reasoning_tokens") @JsonInclude(JsonInclude.Include.NON_DEFAULT) long reasoningTokens) {

    public static final CostInfo ZERO = new CostInfo(0, 0, 0, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO,
            BigDecimal.ZERO);

    /** Amounts {@code null} are zero; every amount loses its trailing zeros. */
    public CostInfo {
        inputCostUsd = amount(inputCostUsd);
        outputCostUsd = amount(outputCostUsd);
        cachedCostUsd = amount(cachedCostUsd);
        totalCostUsd = amount(totalCostUsd);
        cacheWriteCostUsd = amount(cacheWriteCostUsd);
    }

    /** Costs without cache writes or reasoning. */
    public CostInfo(long inputTokens, long outputTokens, long cachedTokens, BigDecimal inputCostUsd,
            BigDecimal outputCostUsd, BigDecimal cachedCostUsd, BigDecimal totalCostUsd) {
        this(inputTokens, outputTokens, cachedTokens, inputCostUsd, outputCostUsd, cachedCostUsd, totalCostUsd, 0,
                BigDecimal.ZERO, 0);
    }

    /** Reads the stored form, where a field left out is zero. */
    @JsonCreator
    static CostInfo fromJson(@JsonProperty("input_tokens") Long inputTokens,
            @JsonProperty("output_tokens") Long outputTokens, @JsonProperty("cached_tokens") Long cachedTokens,
            @JsonProperty("input_cost_usd") BigDecimal inputCostUsd,
            @JsonProperty("output_cost_usd") BigDecimal outputCostUsd,
            @JsonProperty("cached_cost_usd") BigDecimal cachedCostUsd,
            @JsonProperty("total_cost_usd") BigDecimal totalCostUsd,
            @JsonProperty("cache_write_tokens") Long cacheWriteTokens,
            @JsonProperty("cache_write_cost_usd") BigDecimal cacheWriteCostUsd,
            @JsonProperty("reasoning_tokens") Long reasoningTokens) {
        return new CostInfo(orZero(inputTokens), orZero(outputTokens), orZero(cachedTokens), inputCostUsd,
                outputCostUsd, cachedCostUsd, totalCostUsd, orZero(cacheWriteTokens), cacheWriteCostUsd,
                orZero(reasoningTokens));
    }

    private static long orZero(Long value) {
        return value == null ? 0 : value;
    }

    private static BigDecimal amount(BigDecimal value) {
        if (value == null || value.signum() == 0) {
            return BigDecimal.ZERO;
        }
        BigDecimal stripped = value.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }

    /** Tokens with no price attached (an unknown model, or a free local one). */
    public static CostInfo unpriced(long inputTokens, long outputTokens, long cachedTokens) {
        return new CostInfo(inputTokens, outputTokens, cachedTokens, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO,
                BigDecimal.ZERO);
    }

    /** The tokens of {@code usage} with no price attached. */
    public static CostInfo unpriced(TokenUsage usage) {
        return new CostInfo(usage.inputTokens(), usage.outputTokens(), usage.cachedTokens(), BigDecimal.ZERO,
                BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, usage.cacheWriteTokens(), BigDecimal.ZERO,
                usage.reasoningTokens());
    }

    /** Every prompt token: read normally, read from the cache and written to it. */
    public long promptTokens() {
        return inputTokens + cachedTokens + cacheWriteTokens;
    }

    public CostInfo plus(CostInfo other) {
        if (other == null) {
            return this;
        }
        return new CostInfo(inputTokens + other.inputTokens, outputTokens + other.outputTokens,
                cachedTokens + other.cachedTokens, inputCostUsd.add(other.inputCostUsd),
                outputCostUsd.add(other.outputCostUsd), cachedCostUsd.add(other.cachedCostUsd),
                totalCostUsd.add(other.totalCostUsd), cacheWriteTokens + other.cacheWriteTokens,
                cacheWriteCostUsd.add(other.cacheWriteCostUsd), reasoningTokens + other.reasoningTokens);
    }
}
