/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.provider.openai;

import dev.promptkit.provider.ModelPricing;
import dev.promptkit.provider.PricingTable;
import java.time.LocalDate;
import java.util.Map;

/**
 * OpenAI's list prices for text tokens (standard tier, US dollars per million tokens: input, output,
 * cached input), as published on {@link #AS_OF}. Prices change: check them against
 * https://openai.com/api/pricing and override any of them with
 * {@code OpenAiPricing.TABLE.with(Map.of("gpt-4o", ModelPricing.of(...))))} passed to
 * {@link OpenAiProvider.Builder#pricing}, or with the {@code promptkit.pricing.<model>} properties.
 * Dated snapshots are priced as their family ({@code gpt-4o-2024-08-06} as {@code gpt-4o}).
 *
 * @since 0.1.0
 */
public final class OpenAiPricing {

    /**
     * The day these prices were last checked: the GPT-5.1, 5.2, 5.4 and pro rows against two published transcriptions
     * of OpenAI's price list that agree (the list itself cannot be read from where this table is kept), the others
     * as copied from OpenAI's list on 2025-08-07.
     */
    public static final LocalDate AS_OF = LocalDate.of(2026, 12, 7);

    /** The prices, keyed by model family. */
    public static final PricingTable TABLE = new PricingTable(Map.ofEntries(
            Map.entry("gpt-5.4", ModelPricing.of(2.50, 15.00, 0.25)),
            Map.entry("gpt-5.4-mini", ModelPricing.of(0.75, 4.50, 0.075)),
            Map.entry("gpt-5.4-nano", ModelPricing.of(0.20, 1.25, 0.02)),
            Map.entry("gpt-5.2", ModelPricing.of(1.75, 14.00, 0.175)),
            Map.entry("gpt-5.2-pro", ModelPricing.of(21.00, 168.00, 21.00)),
            Map.entry("gpt-5.1", ModelPricing.of(1.25, 10.00, 0.125)),
            Map.entry("gpt-5-pro", ModelPricing.of(15.00, 120.00, 15.00)),
            Map.entry("gpt-5", ModelPricing.of(1.25, 10.00, 0.125)),
            Map.entry("gpt-5-mini", ModelPricing.of(0.25, 2.00, 0.025)),
            Map.entry("gpt-5-nano", ModelPricing.of(0.05, 0.40, 0.005)),
            Map.entry("gpt-4.1", ModelPricing.of(2.00, 8.00, 0.50)),
            Map.entry("gpt-4.1-mini", ModelPricing.of(0.40, 1.60, 0.10)),
            Map.entry("gpt-4.1-nano", ModelPricing.of(0.10, 0.40, 0.025)),
            Map.entry("gpt-4o", ModelPricing.of(2.50, 10.00, 1.25)),
            Map.entry("gpt-4o-mini", ModelPricing.of(0.15, 0.60, 0.075)),
            Map.entry("o1", ModelPricing.of(15.00, 60.00, 7.50)),
            Map.entry("o1-mini", ModelPricing.of(1.10, 4.40, 0.55)),
            Map.entry("o1-pro", ModelPricing.of(150.00, 600.00, 150.00)),
            Map.entry("o3", ModelPricing.of(2.00, 8.00, 0.50)),
            Map.entry("o3-mini", ModelPricing.of(1.10, 4.40, 0.55)),
            Map.entry("o3-pro", ModelPricing.of(20.00, 80.00, 20.00)),
            Map.entry("o4-mini", ModelPricing.of(1.10, 4.40, 0.275))), AS_OF);

    private OpenAiPricing() {
    }
}
