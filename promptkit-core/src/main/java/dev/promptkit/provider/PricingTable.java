/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.provider;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Prices per model. A model is found by its exact name, then with a vendor prefix ({@code openai/})
 * removed, then as a known model plus a version suffix: a date ({@code gpt-4o-2024-08-06},
 * {@code claude-sonnet-4-5-20250929}), {@code latest}, a three-digit revision ({@code -001}) or a
 * {@code preview}/{@code exp} tag. Other suffixes are not matched, so that a newer model is never
 * priced as an older one of its family. A table may also have a fallback price for every model it
 * does not name (local models, for example, all cost nothing). A vendor's table carries the day its prices were
 * copied from the vendor's price list ({@link #asOf()}); prices laid over it ({@link #with}) keep that date, as the
 * overrides are the user's own.
 *
 * @since 0.1.0
 */
public final class PricingTable {

    public static final PricingTable EMPTY = new PricingTable(Map.of());

    private static final Pattern VERSION_SUFFIX = Pattern.compile(
            "\\d{8}|\\d{4}-\\d{2}-\\d{2}|latest|\\d{3}|(preview|exp)([-.\\w]*)?");

    private final Map<String, ModelPricing> prices;
    private final ModelPricing fallback;
    private final LocalDate asOf;

    /** Prices of no known date (the user's own, say). */
    public PricingTable(Map<String, ModelPricing> prices) {
        this(prices, null, null);
    }

    /** A vendor's prices as listed on {@code asOf}. */
    public PricingTable(Map<String, ModelPricing> prices, LocalDate asOf) {
        this(prices, null, Objects.requireNonNull(asOf, "asOf"));
    }

    private PricingTable(Map<String, ModelPricing> prices, ModelPricing fallback, LocalDate asOf) {
        this.prices = Map.copyOf(prices);
        this.fallback = fallback;
        this.asOf = asOf;
    }

    /** A table that gives every model the same price. */
    public static PricingTable uniform(ModelPricing price) {
        return new PricingTable(Map.of(), price, null);
    }

    /** The day the prices were copied from the vendor's price list; empty for prices of no known date. */
    public Optional<LocalDate> asOf() {
        return Optional.ofNullable(asOf);
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
        return new PricingTable(merged, fallback, asOf);
    }

    public Map<String, ModelPricing> asMap() {
        return prices;
    }
}
