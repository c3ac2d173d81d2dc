package dev.promptkit.provider;

import java.util.Map;
import java.util.Optional;

/**
 * Prices per model. A model is found by its exact name, then with a vendor prefix ({@code openai/})
 * removed, then by the longest known name it starts with followed by a dash (so that
 * {@code gpt-4o-2024-08-06} is priced as {@code gpt-4o}).
 */
public final class PricingTable {

    public static final PricingTable EMPTY = new PricingTable(Map.of());

    private final Map<String, ModelPricing> prices;

    public PricingTable(Map<String, ModelPricing> prices) {
        this.prices = Map.copyOf(prices);
    }

    public Optional<ModelPricing> find(String model) {
        if (model == null) {
            return Optional.empty();
        }
        String bare = model.contains("/") ? model.substring(model.lastIndexOf('/') + 1) : model;
        ModelPricing exact = prices.getOrDefault(model, prices.get(bare));
        if (exact != null) {
            return Optional.of(exact);
        }
        String best = null;
        for (String known : prices.keySet()) {
            if (bare.startsWith(known + "-") && (best == null || known.length() > best.length())) {
                best = known;
            }
        }
        return Optional.ofNullable(best).map(prices::get);
    }

    /** A table with the entries of {@code overrides} replacing or adding to this one's. */
    public PricingTable with(Map<String, ModelPricing> overrides) {
        if (overrides.isEmpty()) {
            return this;
        }
        var merged = new java.util.HashMap<>(prices);
        merged.putAll(overrides);
        return new PricingTable(merged);
    }

    public Map<String, ModelPricing> asMap() {
        return prices;
    }
}
