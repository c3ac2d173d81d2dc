/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.provider.ollama;

import dev.promptkit.provider.ModelPricing;
import dev.promptkit.provider.PricingTable;

/**
 * Prices for models run by Ollama. A local model costs nothing, so {@link #TABLE} prices every model
 * at an explicit 0 USD, which also keeps the cost calculator from warning that the price is unknown.
 * Give real prices with {@link OllamaProvider.Builder#pricing}, or in the {@code promptkit.pricing.<model>}
 * properties, when the server bills (a paid proxy, Ollama's cloud models).
 *
 * @since 0.1.0
 */
public final class OllamaPricing {

    /** What a local model costs: nothing. */
    public static final ModelPricing FREE = ModelPricing.of(0, 0);

    private OllamaPricing() {
    }

    /** Every model at 0 USD. */
    public static final PricingTable TABLE = PricingTable.uniform(FREE);
}
