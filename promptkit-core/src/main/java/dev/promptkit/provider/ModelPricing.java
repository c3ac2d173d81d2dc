/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.provider;

import dev.promptkit.types.CostInfo;
import dev.promptkit.types.TokenUsage;
import java.math.BigDecimal;
import java.util.Objects;

/**
 * What a model costs, in US dollars per million tokens of each kind, as exact decimals. Cache writes are priced
 * as input unless a separate price is given. The {@code double} factories take a price as it is written
 * ({@code 0.15} is 0.15 exactly, not the nearest binary fraction).
 *
 * @since 0.1.0
 */
public record ModelPricing(BigDecimal inputPerMillion, BigDecimal outputPerMillion, BigDecimal cachedInputPerMillion,
        BigDecimal cacheWritePerMillion) {

    /** Prices lose their trailing zeros, so that equal prices are {@code equals}. */
    public ModelPricing {
        inputPerMillion = price(inputPerMillion, "inputPerMillion");
        outputPerMillion = price(outputPerMillion, "outputPerMillion");
        cachedInputPerMillion = price(cachedInputPerMillion, "cachedInputPerMillion");
        cacheWritePerMillion = price(cacheWritePerMillion, "cacheWritePerMillion");
    }

    private static BigDecimal price(BigDecimal value, String name) {
        BigDecimal stripped = Objects.requireNonNull(value, name).stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }

    /** Input, output, cache reads and cache writes all at their price: reads and writes as input. */
    public static ModelPricing of(double inputPerMillion, double outputPerMillion) {
        return of(inputPerMillion, outputPerMillion, inputPerMillion, inputPerMillion);
    }

    /** A price list with a discount for cache reads; cache writes are priced as input. */
    public static ModelPricing of(double inputPerMillion, double outputPerMillion, double cachedInputPerMillion) {
        return of(inputPerMillion, outputPerMillion, cachedInputPerMillion, inputPerMillion);
    }

    /** A price list with its own prices for cache reads and cache writes. */
    public static ModelPricing of(double inputPerMillion, double outputPerMillion, double cachedInputPerMillion,
            double cacheWritePerMillion) {
        return new ModelPricing(BigDecimal.valueOf(inputPerMillion), BigDecimal.valueOf(outputPerMillion),
                BigDecimal.valueOf(cachedInputPerMillion), BigDecimal.valueOf(cacheWritePerMillion));
    }

    /** Prices the usage of one call, exactly: input, cache reads, cache writes and output each at its price. */
    public CostInfo cost(TokenUsage usage) {
        BigDecimal input = perMillion(usage.inputTokens(), inputPerMillion);
        BigDecimal cacheWrite = perMillion(usage.cacheWriteTokens(), cacheWritePerMillion);
        BigDecimal output = perMillion(usage.outputTokens(), outputPerMillion);
        BigDecimal cached = perMillion(usage.cachedTokens(), cachedInputPerMillion);
        return new CostInfo(usage.inputTokens(), usage.outputTokens(), usage.cachedTokens(), input, output, cached,
                input.add(output).add(cached).add(cacheWrite), usage.cacheWriteTokens(), cacheWrite,
                usage.reasoningTokens());
    }

    private static BigDecimal perMillion(long tokens, BigDecimal price) {
        return BigDecimal.valueOf(tokens).multiply(price).movePointLeft(6);
    }
}
