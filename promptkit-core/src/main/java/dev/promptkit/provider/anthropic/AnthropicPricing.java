/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.provider.anthropic;

import dev.promptkit.provider.ModelPricing;
import dev.promptkit.provider.PricingTable;
import java.time.LocalDate;
import java.util.Map;

/**
 * Anthropic's list prices (Claude API, standard tier, US dollars per million tokens: input, output,
 * cache read, cache write), as published on {@link #AS_OF}. Cache writes are priced at the 5-minute rate
 * (1.25 times input); 1-hour cache writes cost twice the input price and are undercounted, and the
 * long-context surcharge some models charge above 200K input tokens is not applied. Prices change: check
 * them against https://platform.claude.com/docs/en/about-claude/pricing and override any of them with
 * {@code AnthropicPricing.TABLE.with(Map.of("claude-sonnet-4-5", ModelPricing.of(...)))} passed to
 * {@link AnthropicProvider.Builder#pricing}, or with the {@code promptkit.pricing.<model>} properties.
 *
 * <p>Entries are keyed by model alias; dated ids ({@code claude-sonnet-4-5-20250929}) and aliases such as
 * {@code claude-3-5-haiku-latest} are priced as the longest alias they start with.
 *
 * @since 0.1.0
 */
public final class AnthropicPricing {

    /** The day these prices were copied from Anthropic's price list. */
    public static final LocalDate AS_OF = LocalDate.of(2026, 11, 22);

    /** The prices, keyed by model alias. */
    public static final PricingTable TABLE = new PricingTable(Map.ofEntries(
            Map.entry("claude-opus-4-8", ModelPricing.of(5.00, 25.00, 0.50, 6.25)),
            Map.entry("claude-opus-4-7", ModelPricing.of(5.00, 25.00, 0.50, 6.25)),
            Map.entry("claude-opus-4-6", ModelPricing.of(5.00, 25.00, 0.50, 6.25)),
            Map.entry("claude-opus-4-5", ModelPricing.of(5.00, 25.00, 0.50, 6.25)),
            Map.entry("claude-opus-4-1", ModelPricing.of(15.00, 75.00, 1.50, 18.75)),
            Map.entry("claude-opus-4", ModelPricing.of(15.00, 75.00, 1.50, 18.75)),
            Map.entry("claude-sonnet-4-6", ModelPricing.of(3.00, 15.00, 0.30, 3.75)),
            Map.entry("claude-sonnet-4-5", ModelPricing.of(3.00, 15.00, 0.30, 3.75)),
            Map.entry("claude-sonnet-4", ModelPricing.of(3.00, 15.00, 0.30, 3.75)),
            Map.entry("claude-3-7-sonnet", ModelPricing.of(3.00, 15.00, 0.30, 3.75)),
            Map.entry("claude-haiku-4-5", ModelPricing.of(1.00, 5.00, 0.10, 1.25)),
            Map.entry("claude-3-5-haiku", ModelPricing.of(0.80, 4.00, 0.08, 1.00)),
            Map.entry("claude-3-opus", ModelPricing.of(15.00, 75.00, 1.50, 18.75)),
            Map.entry("claude-3-haiku", ModelPricing.of(0.25, 1.25, 0.03, 0.30))), AS_OF);

    private AnthropicPricing() {
    }
}
