/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.provider.openai;

import static org.assertj.core.api.Assertions.assertThat;

import dev.promptkit.provider.AnswerLimits;
import dev.promptkit.provider.CostCalculator;
import dev.promptkit.provider.ProviderChunk;
import dev.promptkit.provider.ProviderRequest;
import dev.promptkit.provider.http.SplitFixtures;
import dev.promptkit.types.CostInfo;
import dev.promptkit.types.Message;
import dev.promptkit.types.ModelParameters;
import dev.promptkit.types.ReasoningSettings;
import dev.promptkit.types.TokenUsage;
import dev.promptkit.types.ToolChoice;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** OpenAI reasoning on Chat Completions: the effort sent, cached and reasoning tokens reported and priced. */
class OpenAiReasoningTests {

    private static JsonNode body(ReasoningSettings reasoning) {
        return new ChatCompletionsRequestEncoder("openai", false).encode(new ProviderRequest("o4-mini", null,
                List.of(Message.user("Hi")), List.of(), ToolChoice.AUTO,
                ModelParameters.DEFAULTS.withReasoning(reasoning), null, null), "o4-mini");
    }

    @Test
    void sendsTheReasoningEffortOnlyWhenOneIsAsked() {
        assertThat(body(ReasoningSettings.effort("HIGH")).get("reasoning_effort").stringValue()).isEqualTo("high");
        assertThat(body(ReasoningSettings.NONE).has("reasoning_effort")).isFalse();
        assertThat(body(ReasoningSettings.budget(2048)).has("reasoning_effort")).isFalse();
    }

    @Test
    void reportsCachedAndReasoningTokensAtEveryByteSplitAndPricesCachedInputAtItsRate() {
        List<ProviderChunk> chunks = SplitFixtures.decodeSse(OpenAiReasoningTests.class, "reasoning-usage.sse",
                () -> new ChatCompletionsStreamDecoder("openai", AnswerLimits.DEFAULT));
        TokenUsage usage = chunks.get(chunks.size() - 1).usage();

        CostInfo cost = new CostCalculator("openai", OpenAiPricing.TABLE).cost("o4-mini-2025-04-16", usage);

        assertThat(usage).isEqualTo(new TokenUsage(176, 300, 1024, 0, 256));
        assertThat(cost.reasoningTokens()).isEqualTo(256);
        assertThat(cost.cachedCostUsd()).as("1024 x 0.275 / 1M").isEqualTo(new BigDecimal("0.0002816"));
        assertThat(cost.inputCostUsd()).as("176 x 1.10 / 1M").isEqualTo(new BigDecimal("0.0001936"));
    }
}
