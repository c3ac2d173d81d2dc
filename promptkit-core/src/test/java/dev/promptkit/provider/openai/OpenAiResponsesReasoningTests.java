/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.provider.openai;

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
import dev.promptkit.types.OpaqueReasoning;
import dev.promptkit.types.ReasoningSettings;
import dev.promptkit.types.ReasoningTrace;
import dev.promptkit.types.TokenUsage;
import dev.promptkit.types.ToolCall;
import dev.promptkit.types.ToolChoice;
import dev.promptkit.types.ToolResult;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * OpenAI reasoning on the Responses API: summaries streamed as reasoning, reasoning items kept as opaque tokens and
 * sent back within the turn, the effort and summary asked, cached and reasoning tokens reported and priced.
 */
class OpenAiResponsesReasoningTests {

    static final String FIRST_ITEM = "{\"type\":\"reasoning\",\"id\":\"rs_6893b2c5e6f781a3a9b8c7d6e5f4a3b2\","
            + "\"summary\":[{\"type\":\"summary_text\",\"text\":\"**Checking the weather**\\n\\nThe user asks about"
            + " Paris; I should call get_weather with the city and FR.\"},{\"type\":\"summary_text\",\"text\":"
            + "\"**Calling the tool**\\n\\nOne call is enough.\"}],\"encrypted_content\":\"gAAAAABok3Xh5p2Vt8mQ0bYdL2f"
            + "Wz1cN9rKjT4uS6eXoPq3AhM7vG0iRyD5lBwZ8nF1sUaHkCxEj2OgVmLt9QpYr6IbWd4Nc_Xz0KfJ3Ts5Ve7Ry==\"}";

    private static List<ProviderChunk> decode(String fixture) {
        return SplitFixtures.decodeSse(OpenAiResponsesReasoningTests.class, "responses/" + fixture,
                () -> new ResponsesStreamDecoder("openai", AnswerLimits.DEFAULT));
    }

    private static JsonNode body(String model, ReasoningSettings reasoning, List<Message> conversation) {
        return new ResponsesRequestEncoder("openai").encode(new ProviderRequest(model, null, conversation, List.of(),
                ToolChoice.AUTO, ModelParameters.DEFAULTS.withReasoning(reasoning), null, null), model);
    }

    @Test
    void streamsTheSummaryAsReasoningAndKeepsTheEncryptedItemBeforeTheCallAtEveryByteSplit() {
        assertThat(decode("reasoning-tool-call.sse")).containsExactly(
                ProviderChunk.reasoning("**Checking the weather**\n\nThe user asks about Paris; "),
                ProviderChunk.reasoning("I should call get_weather with the city and FR."),
                ProviderChunk.reasoning("\n\n"),
                ProviderChunk.reasoning("**Calling the tool**\n\nOne call is enough."),
                ProviderChunk.opaqueReasoning(new OpaqueReasoning("openai", OpaqueReasoning.ENCRYPTED_REASONING,
                        FIRST_ITEM, null)),
                ProviderChunk.toolCall(ToolCall.of("call_Qm3Xr8sT2vW9yZ1aB4cD6eF0", "get_weather",
                        Map.of("city", "Paris", "country", "FR"))),
                ProviderChunk.finish("tool_calls", new TokenUsage(176, 90, 1024, 0, 64)));
    }

    @Test
    void assemblesParallelFunctionCallsFromArgumentDeltasAtEveryByteSplit() {
        assertThat(decode("parallel-function-calls.sse")).containsExactly(
                ProviderChunk.toolCall(ToolCall.of("call_DdmO9pD3xa9XTPNJ32zg2hcA", "get_weather",
                        Map.of("location", "Paris, France"))),
                ProviderChunk.toolCall(ToolCall.of("call_8nHq2bVcXmTzL4rKpW1sYjDe", "get_time",
                        Map.of("timezone", "Europe/Paris"))),
                ProviderChunk.finish("tool_calls", TokenUsage.of(82, 51)));
    }

    @Test
    void reportsCachedAndReasoningTokensAndPricesCachedInputAtItsRate() {
        List<ProviderChunk> chunks = decode("reasoning-answer.sse");
        TokenUsage usage = chunks.get(chunks.size() - 1).usage();

        CostInfo cost = new CostCalculator("openai", OpenAiPricing.TABLE).cost("o4-mini-2025-04-16", usage);

        assertThat(chunks).filteredOn(ProviderChunk::isText).extracting(ProviderChunk::delta)
                .containsExactly("It is 18 °C ", "and sunny in Paris.");
        assertThat(usage).isEqualTo(new TokenUsage(198, 40, 1152, 0, 16));
        assertThat(cost.reasoningTokens()).isEqualTo(16);
        assertThat(cost.cachedCostUsd()).as("1152 x 0.275 / 1M").isEqualTo(new BigDecimal("0.0003168"));
        assertThat(cost.inputCostUsd()).as("198 x 1.10 / 1M").isEqualTo(new BigDecimal("0.0002178"));
    }

    @Test
    void asksForTheEffortAndSummariesOnlyWhenAskedAndForEncryptedReasoningOfReasoningModels() {
        List<Message> hi = List.of(Message.user("Hi"));

        JsonNode asked = body("o3-pro", ReasoningSettings.effort("HIGH").withSummaries(), hi);
        assertThat(asked.get("reasoning")).isEqualTo(json("{\"effort\": \"high\", \"summary\": \"auto\"}"));
        assertThat(asked.get("include")).isEqualTo(json("[\"reasoning.encrypted_content\"]"));

        JsonNode reasoningModel = body("gpt-5-codex", ReasoningSettings.NONE, hi);
        assertThat(reasoningModel.has("reasoning")).isFalse();
        assertThat(reasoningModel.get("include")).isEqualTo(json("[\"reasoning.encrypted_content\"]"));

        JsonNode plainModel = body("gpt-4.1", ReasoningSettings.budget(2048), hi);
        assertThat(plainModel.has("reasoning")).isFalse();
        assertThat(plainModel.has("include")).as("gpt-4.1 has no encrypted reasoning to return").isFalse();
    }

    @Test
    void sendsBackOnlyTheReasoningItemsOfTheCurrentTurnAndOnlyItsOwn() {
        ReasoningTrace earlier = new ReasoningTrace("thought before", List.of(new OpaqueReasoning("openai",
                OpaqueReasoning.ENCRYPTED_REASONING, "{\"type\":\"reasoning\",\"id\":\"rs_old\",\"summary\":[],"
                        + "\"encrypted_content\":\"gAAAA-old\"}", null)), false);
        ReasoningTrace current = new ReasoningTrace("thought now", List.of(
                new OpaqueReasoning("anthropic", OpaqueReasoning.THINKING_SIGNATURE, "EqQBCgIYAhIM", "thought"),
                new OpaqueReasoning("openai", OpaqueReasoning.ENCRYPTED_REASONING, FIRST_ITEM, null)), false);
        List<Message> conversation = List.of(Message.user("Hi"), Message.assistant("Hello!").withReasoning(earlier),
                Message.user("Weather in Paris?"),
                Message.assistant(null, List.of(ToolCall.of("call_1", "get_weather", Map.of("city", "Paris"))))
                        .withReasoning(current),
                Message.tool(ToolResult.success("call_1", "get_weather", "18 C", 3)));

        assertThat(body("o4-mini", ReasoningSettings.NONE, conversation).get("input")).isEqualTo(json("""
                [{"role": "user", "content": "Hi"},
                 {"role": "assistant", "content": "Hello!"},
                 {"role": "user", "content": "Weather in Paris?"},
                 %s,
                 {"type": "function_call", "call_id": "call_1", "name": "get_weather",
                  "arguments": "{\\"city\\":\\"Paris\\"}"},
                 {"type": "function_call_output", "call_id": "call_1", "output": "18 C"}]
                """.formatted(FIRST_ITEM)));
    }
}
