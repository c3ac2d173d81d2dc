/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.provider;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Prices per model. A model is found by its exact name, then with a vendor prefix ({@code openai/})
 * removed, then as a known model plus a version suffix: a date ({@code gpt-4o-2024-08-06},
 * {@code claude-sonnet-4-5-20250929}), {@code latest}, a three-digit revision ({@code -001}) or a
 * {@code preview}/{@code exp} tag. Other suffixes are not matched, so that a newer model is never
 * priced as an older one of its family. A table may also have a fallback price for every model it
 * does not name (local models, for example, all cost nothing).
 *
 * @since 0.1.0
 */
public final class PricingTable {

    public static final PricingTable EMPTY = new PricingTable(Map.of());

    private static final Pattern VERSION_SUFFIX = Pattern.compile(
            "\\d{8}|\\d{4}-\\d{2}-\\d{2}|latest|\\d{3}|(preview|exp)([-.\\w]*)?");

    private final Map<String, ModelPricing> prices;
    private final ModelPricing fallback;

    public PricingTable(Map<String, ModelPricing> prices) {
        this(prices, null);
    }

    private PricingTable(Map<String, ModelPricing> prices, ModelPricing fallback) {
        this.prices = Map.copyOf(prices);
        this.fallback = fallback;
    }

    /** A table that gives every model the same price. */
    public static PricingTable uniform(ModelPricing price) {
        return new PricingTable(Map.of(), price);
    }

    public Optional<ModelPricing> find(String model) {
        if (model == null) {
            return Optional.ofNullable(fallback);
        }
        String bare = model.contains("/") ? model.substring(model.lastIndexOf('/') + 1) : model;
        ModelPricing exact = prices.getOrDefault(model, prices.get(bare));
        if (exact != null) {
            return Optional.of(exact);
        }
        String best = null;
        for (String known : prices.keySet()) {
            if (bare.startsWith(known + "-") && VERSION_SUFFIX.matcher(bare.substring(known.length() + 1)).matches()
                    && (best == null || known.length() > best.length())) {
                best = known;
            }
        }
        return Optional.ofNullable(best == null ? fallback : prices.get(best));
    }

    /** A table with the entries of {@code overrides} replacing or adding to this one's; the fallback is kept. */
    public PricingTable with(Map<String, ModelPricing> overrides) {
        if (overrides.isEmpty()) {
            return this;
        }
        Map<String, ModelPricing> merged = new HashMap<>(prices);
        merged.putAll(overrides);
        return new PricingTable(merged, fallback);
    }

    public Map<String, ModelPricing> asMap() {
        return prices;
    }
}
