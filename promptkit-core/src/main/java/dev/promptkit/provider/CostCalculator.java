/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.provider;

import dev.promptkit.types.CostInfo;
import dev.promptkit.types.TokenUsage;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Prices token usage in US dollars from a {@link PricingTable}. A model with no known price costs
 * nothing; the first time such a model is seen, one warning says so (never an exception).
 *
 * @since 0.1.0
 */
public final class CostCalculator {

    private static final Logger log = LoggerFactory.getLogger(CostCalculator.class);

    private final String providerName;
    private final PricingTable table;
    private final Set<String> warnedModels = ConcurrentHashMap.newKeySet();

    public CostCalculator(String providerName, PricingTable table) {
        this.providerName = providerName;
        this.table = table;
    }

    /** A calculator over the provider's own prices with {@code overrides} laid over them. */
    public static CostCalculator forProvider(Provider provider, Map<String, ModelPricing> overrides) {
        return new CostCalculator(provider.name(), provider.pricing().with(overrides));
    }

    public CostInfo cost(String model, TokenUsage usage) {
        return table.find(model).map(pricing -> pricing.cost(usage)).orElseGet(() -> {
            if (usage.totalTokens() > 0 && warnedModels.add(model)) {
                log.warn("No price known for model '{}' of provider '{}'; its cost is counted as 0 USD. "
                        + "Set a price with the pricing options to count it.", model, providerName);
            }
            return CostInfo.unpriced(usage);
        });
    }
}
