/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.provider.anthropic;

import static dev.promptkit.provider.http.FakeUpstream.json;
import static org.assertj.core.api.Assertions.assertThat;

import dev.promptkit.provider.AnswerLimits;
import dev.promptkit.provider.CostCalculator;
import dev.promptkit.provider.ProviderChunk;
import dev.promptkit.provider.ProviderRequest;
import dev.promptkit.provider.http.SplitFixtures;
import dev.promptkit.types.CostInfo;
import dev.promptkit.types.Message;
import dev.promptkit.types.ModelParameters;
import dev.promptkit.types.TokenUsage;
import dev.promptkit.types.ToolCall;
import dev.promptkit.types.ToolChoice;
import dev.promptkit.types.ToolDescriptor;
import dev.promptkit.types.ToolResult;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Anthropic prompt caching: breakpoints on long prompts, and cache reads and writes priced apart. */
class AnthropicPromptCachingTests {

    private static final String LONG_SYSTEM = "You answer questions about the attached handbook. ".repeat(90);

    private static JsonNode encode(boolean caching, String system, List<Message> conversation) {
        return new MessagesRequestEncoder("anthropic", 1024, caching).encode(new ProviderRequest("claude-sonnet-4-5",
                system, conversation, List.of(new ToolDescriptor("lookup", "Finds a section", null),
                        new ToolDescriptor("quote", "Quotes a section", null)), ToolChoice.AUTO,
                ModelParameters.DEFAULTS, null, null), "claude-sonnet-4-5");
    }

    @Test
    void marksTheLastToolTheSystemPromptAndTheLastMessageOfALongPrompt() {
        JsonNode body = encode(true, LONG_SYSTEM, List.of(Message.user("What is the leave policy?")));

        assertThat(body.at("/tools/0/cache_control").isMissingNode()).isTrue();
        assertThat(body.at("/tools/1/cache_control")).isEqualTo(json("{\"type\": \"ephemeral\"}"));
        assertThat(body.get("system")).isEqualTo(json("""
                [{"type": "text", "text": "%s", "cache_control": {"type": "ephemeral"}}]""".formatted(LONG_SYSTEM)));
        assertThat(body.get("messages")).isEqualTo(json("""
                [{"role": "user", "content": [{"type": "text", "text": "What is the leave policy?",
                  "cache_control": {"type": "ephemeral"}}]}]"""));
    }

    @Test
    void marksTheToolResultThatEndsAToolRound() {
        JsonNode body = encode(true, LONG_SYSTEM, List.of(Message.user("Leave policy?"),
                Message.assistant(null, List.of(ToolCall.of("toolu_1", "lookup", Map.of("q", "leave")))),
                Message.tool(ToolResult.success("toolu_1", "lookup", "25 days", 4))));

        assertThat(body.at("/messages/2/content/0")).isEqualTo(json("""
                {"type": "tool_result", "tool_use_id": "toolu_1", "content": "25 days",
                 "cache_control": {"type": "ephemeral"}}"""));
        assertThat(body.at("/messages/1/content/0/cache_control").isMissingNode()).isTrue();
    }

    @Test
    void leavesAShortPromptAndAnyPromptWithCachingOffAsTheyWere() {
        List<Message> question = List.of(Message.user("Hi"));

        assertThat(encode(true, "Be brief.", question).toString()).doesNotContain("cache_control");
        assertThat(encode(false, LONG_SYSTEM, question).toString()).doesNotContain("cache_control");
        assertThat(encode(false, LONG_SYSTEM, question).get("system").stringValue()).isEqualTo(LONG_SYSTEM);
    }

    @Test
    void pricesCacheReadsAndCacheWritesEachAtTheirOwnRate() {
        List<ProviderChunk> chunks = SplitFixtures.decodeSse(AnthropicPromptCachingTests.class, "cache-usage.sse",
                () -> new MessagesStreamDecoder("anthropic", AnswerLimits.DEFAULT));
        TokenUsage usage = chunks.get(chunks.size() - 1).usage();

        CostInfo cost = new CostCalculator("anthropic", AnthropicPricing.TABLE).cost("claude-sonnet-4-5-20250929",
                usage);

        assertThat(cost.inputTokens()).isEqualTo(14);
        assertThat(cost.cachedTokens()).isEqualTo(1800);
        assertThat(cost.cacheWriteTokens()).isEqualTo(248);
        assertThat(cost.inputCostUsd()).isEqualTo(new BigDecimal("0.000042"));
        assertThat(cost.cachedCostUsd()).isEqualTo(new BigDecimal("0.00054"));
        assertThat(cost.cacheWriteCostUsd()).isEqualTo(new BigDecimal("0.00093"));
        assertThat(cost.outputCostUsd()).isEqualTo(new BigDecimal("0.00006"));
        assertThat(cost.totalCostUsd()).isEqualTo(new BigDecimal("0.001572"));
    }
}
