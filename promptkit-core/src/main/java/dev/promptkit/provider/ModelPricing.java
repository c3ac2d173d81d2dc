/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.provider;

import dev.promptkit.types.CostInfo;

/**
 * What a model costs, in US dollars per million tokens of each kind. Cache writes are priced as
 * input unless a separate price is given.
 *
 * @since 0.1.0
 */
public record ModelPricing(double inputPerMillion, double outputPerMillion, double cachedInputPerMillion,
        double cacheWritePerMillion) {

    /** Input, output, cache reads and cache writes all at their price: reads and writes as input. */
    public static ModelPricing of(double inputPerMillion, double outputPerMillion) {
        return new ModelPricing(inputPerMillion, outputPerMillion, inputPerMillion, inputPerMillion);
    }

    /** A price list with a discount for cache reads; cache writes are priced as input. */
    public static ModelPricing of(double inputPerMillion, double outputPerMillion, double cachedInputPerMillion) {
        return new ModelPricing(inputPerMillion, outputPerMillion, cachedInputPerMillion, inputPerMillion);
    }

    /** Prices the usage of one call. */
    public CostInfo cost(TokenUsage usage) {
        double input = (usage.inputTokens() * inputPerMillion + usage.cacheWriteTokens() * cacheWritePerMillion)
                / 1_000_000d;
        double output = usage.outputTokens() * outputPerMillion / 1_000_000d;
        double cached = usage.cachedTokens() * cachedInputPerMillion / 1_000_000d;
        return new CostInfo(usage.inputTokens() + usage.cacheWriteTokens(), usage.outputTokens(),
                usage.cachedTokens(), input, output, cached, input + output + cached);
    }
}
