/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.provider.gemini;

import dev.promptkit.provider.ModelPricing;
import dev.promptkit.provider.PricingTable;
import java.time.LocalDate;
import java.util.Map;

/**
 * Google's list prices for Gemini text tokens on the Gemini Developer API (paid tier, standard rates,
 * US dollars per million tokens: input, output including thinking, cached input), as listed on
 * {@link #AS_OF}. Where a model has two tiers by prompt size (2.5 Pro and 3.1 Pro charge more above 200k
 * prompt tokens), the table holds the base tier (prompts of up to 200k tokens). Gemini 3.6, 3.7 and 3.8
 * Flash are at their introductory rates, which Google doubles on 2027-01-01 (3.8 Flash was added from the list as
 * read on 2026-10-07). Audio input, which costs more, is not told apart. Cached input is priced at the cache-read
 * rate; the hourly storage of an explicit cache ({@link GeminiContextCaching}) is not counted. Prices change: check them against https://ai.google.dev/gemini-api/docs/pricing
 * and override any of them with {@code GeminiPricing.TABLE.with(Map.of("gemini-2.5-pro",
 * ModelPricing.of(2.50, 15.00, 0.25, 2.50)))} passed to {@link GeminiProvider.Builder#pricing}, or with the
 * {@code promptkit.pricing.<model>} properties. Versioned models are priced as their family
 * ({@code gemini-2.5-flash-preview-09-2025} as {@code gemini-2.5-flash}).
 *
 * @since 0.1.0
 */
public final class GeminiPricing {

    /** The day these prices were copied from Google's price list. */
    public static final LocalDate AS_OF = LocalDate.of(2026, 8, 13);

    /** The prices, keyed by model family. */
    public static final PricingTable TABLE = new PricingTable(Map.ofEntries(
            Map.entry("gemini-3.8-flash", ModelPricing.of(0.75, 3.75, 0.075)),
            Map.entry("gemini-3.7-flash", ModelPricing.of(0.75, 3.75, 0.075)),
            Map.entry("gemini-3.6-flash", ModelPricing.of(0.75, 3.75, 0.075)),
            Map.entry("gemini-3.5-flash", ModelPricing.of(1.50, 9.00, 0.15)),
            Map.entry("gemini-3.5-flash-lite", ModelPricing.of(0.30, 2.50, 0.03)),
            Map.entry("gemini-3.1-pro-preview", ModelPricing.of(2.00, 12.00, 0.20)),
            Map.entry("gemini-3.1-flash-lite", ModelPricing.of(0.25, 1.50, 0.025)),
            Map.entry("gemini-3-flash-preview", ModelPricing.of(0.50, 3.00, 0.05)),
            Map.entry("gemini-2.5-pro", ModelPricing.of(1.25, 10.00, 0.125)),
            Map.entry("gemini-2.5-flash", ModelPricing.of(0.30, 2.50, 0.03)),
            Map.entry("gemini-2.5-flash-lite", ModelPricing.of(0.10, 0.40, 0.01)),
            Map.entry("gemini-2.0-flash", ModelPricing.of(0.10, 0.40, 0.025)),
            Map.entry("gemini-2.0-flash-lite", ModelPricing.of(0.075, 0.30, 0.075))), AS_OF);

    private GeminiPricing() {
    }
}
