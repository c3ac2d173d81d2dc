/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.provider;

import static org.assertj.core.api.Assertions.assertThat;

import dev.promptkit.provider.anthropic.AnthropicPricing;
import dev.promptkit.provider.gemini.GeminiPricing;
import dev.promptkit.provider.openai.OpenAiPricing;
import dev.promptkit.types.CostInfo;
import dev.promptkit.types.TokenUsage;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PricingTableTests {

    private static final ModelPricing GPT_4O = ModelPricing.of(2.5, 10);
    private static final ModelPricing GPT_4O_MINI = ModelPricing.of(0.15, 0.6);
    private static final ModelPricing OPUS_4 = ModelPricing.of(15, 75);
    private final PricingTable table = new PricingTable(Map.of("gpt-4o", GPT_4O, "gpt-4o-mini", GPT_4O_MINI,
            "claude-opus-4", OPUS_4));

    @Test
    void findsExactNamesVendorPrefixedNamesAndDatedVersions() {
        assertThat(table.find("gpt-4o")).contains(GPT_4O);
        assertThat(table.find("openai/gpt-4o-mini")).contains(GPT_4O_MINI);
        assertThat(table.find("gpt-4o-2024-08-06")).contains(GPT_4O);
        assertThat(table.find("gpt-4o-mini-2024-07-18")).as("the longest known name wins").contains(GPT_4O_MINI);
        assertThat(table.find("claude-opus-4-20250514")).contains(OPUS_4);
        assertThat(table.find("gpt-4o-latest")).contains(GPT_4O);
    }

    @Test
    void neverPricesANewerModelAsAnOlderOneOfItsFamily() {
        assertThat(table.find("claude-opus-4-9")).as("a newer minor version").isEmpty();
        assertThat(table.find("gpt-4o-001")).as("a three-digit revision").contains(GPT_4O);
        assertThat(table.find("claude-opus-4-5-20251101")).isEmpty();
        assertThat(table.find("gpt-4o-audio-preview")).isEmpty();
        assertThat(table.find("unknown")).isEmpty();
        assertThat(table.find(null)).isEmpty();
    }

    @Test
    void aVendorsTableCarriesTheDateOfItsPricesAndKeepsItUnderTheUsersOverrides() {
        PricingTable vendors = new PricingTable(Map.of("gemini-3.6-flash", ModelPricing.of(0.75, 3.75, 0.075)),
                LocalDate.of(2026, 8, 13));

        PricingTable overridden = vendors.with(Map.of("gemini-3.6-flash", ModelPricing.of(1.50, 7.50, 0.15)));

        assertThat(overridden.asOf()).contains(LocalDate.of(2026, 8, 13));
        assertThat(overridden.find("gemini-3.6-flash")).contains(ModelPricing.of(1.50, 7.50, 0.15));
        assertThat(new PricingTable(Map.of()).asOf()).isEmpty();
        assertThat(PricingTable.uniform(ModelPricing.of(0, 0)).asOf()).isEmpty();
        assertThat(AnthropicPricing.TABLE.asOf()).contains(AnthropicPricing.AS_OF);
        assertThat(GeminiPricing.TABLE.asOf()).contains(GeminiPricing.AS_OF);
        assertThat(OpenAiPricing.TABLE.asOf()).contains(OpenAiPricing.AS_OF);
    }

    @Test
    void theGpt5PointReleasesArePricedAsTheirOwnFamiliesNotAsGpt5() {
        assertThat(OpenAiPricing.TABLE.find("gpt-5.4-mini-2026-03-17")).contains(ModelPricing.of(0.75, 4.50, 0.075));
        assertThat(OpenAiPricing.TABLE.find("gpt-5.4")).contains(ModelPricing.of(2.50, 15.00, 0.25));
        assertThat(OpenAiPricing.TABLE.find("gpt-5.2-pro")).contains(ModelPricing.of(21.00, 168.00, 21.00));
        assertThat(OpenAiPricing.TABLE.find("gpt-5.1")).contains(ModelPricing.of(1.25, 10.00, 0.125));
        assertThat(OpenAiPricing.TABLE.find("gpt-5-mini-2025-08-07")).contains(ModelPricing.of(0.25, 2.00, 0.025));
    }

    @Test
    void aFallbackPricesEveryUnnamedModelAndSurvivesOverrides() {
        ModelPricing free = ModelPricing.of(0, 0);
        PricingTable local = PricingTable.uniform(free).with(Map.of("billed", GPT_4O));

        assertThat(local.find("llama3.2:8b")).contains(free);
        assertThat(local.find("billed")).contains(GPT_4O);
    }

    @Test
    void pricesEachKindOfTokenPerMillionCacheWritesApart() {
        ModelPricing pricing = ModelPricing.of(3, 15, 0.3, 3.75);
        CostInfo cost = pricing.cost(new TokenUsage(1_000_000, 100_000, 200_000, 10_000, 40_000));

        assertThat(cost.inputTokens()).isEqualTo(1_000_000);
        assertThat(cost.cacheWriteTokens()).isEqualTo(10_000);
        assertThat(cost.reasoningTokens()).isEqualTo(40_000);
        assertThat(cost.promptTokens()).isEqualTo(1_210_000);
        assertThat(cost.inputCostUsd()).isEqualTo(new BigDecimal("3"));
        assertThat(cost.cacheWriteCostUsd()).isEqualTo(new BigDecimal("0.0375"));
        assertThat(cost.outputCostUsd()).isEqualTo(new BigDecimal("1.5"));
        assertThat(cost.cachedCostUsd()).isEqualTo(new BigDecimal("0.06"));
        assertThat(cost.totalCostUsd()).as("exact, no binary rounding").isEqualTo(new BigDecimal("4.5975"));
    }
}
