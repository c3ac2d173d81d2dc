/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.provider.anthropic;

import static dev.promptkit.provider.http.FakeUpstream.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.promptkit.provider.AnswerLimits;
import dev.promptkit.provider.ProviderChunk;
import dev.promptkit.provider.ProviderException;
import dev.promptkit.provider.ProviderRequest;
import dev.promptkit.provider.http.SplitFixtures;
import dev.promptkit.types.Message;
import dev.promptkit.types.ModelParameters;
import dev.promptkit.types.OpaqueReasoning;
import dev.promptkit.types.ReasoningSettings;
import dev.promptkit.types.ReasoningTrace;
import dev.promptkit.types.TokenUsage;
import dev.promptkit.types.ToolCall;
import dev.promptkit.types.ToolChoice;
import dev.promptkit.types.ToolResult;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Claude extended thinking: the streamed blocks, and the request that turns it on and replays the blocks. */
class AnthropicThinkingTests {

    static final String SIGNATURE = "BDaL4VrbR2Oj0hO4XpJxT28J5TILnCrrUXoKiiNBZW9P+nr8XSj1zuZzAl4egiCCpQNvfyUuFFJP5Cn"
            + "cdYZEQPPmLxYsNrcs";
    static final String THOUGHT = "The user wants to know the current weather in Paris. I have access to a function"
            + " `get_weather` that can provide this information.";
    private static final String REDACTED = "EmwKAhgBEgy3va3pzix/LafPsn4aDFIT2Xlxh0L5L8rLVyIwxtE3rAFBa8cr3qpPkNRj2Yf"
            + "WXGmKDxH4mPnZ5sQ7vB5URj2pJmN3ls/d7u7sCZ3g";

    private final MessagesRequestEncoder encoder = new MessagesRequestEncoder("anthropic", 4096, true);

    private static List<ProviderChunk> decode(String fixture) {
        return SplitFixtures.decodeSse(AnthropicThinkingTests.class, fixture,
                () -> new MessagesStreamDecoder("anthropic", AnswerLimits.DEFAULT));
    }

    @Test
    void streamsThinkingAsReasoningAndKeepsTheBlockWithItsSignatureAtEveryByteSplit() {
        assertThat(decode("thinking.sse")).containsExactly(
                ProviderChunk.reasoning("I need to find the GCD of 1071 and 462 using the Euclidean algorithm.\n\n"
                        + "1071 = 2 × 462 + 147"),
                ProviderChunk.reasoning("\n462 = 3 × 147 + 21\n147 = 7 × 21 + 0\n\nSo GCD(1071, 462) = 21"),
                ProviderChunk.opaqueReasoning(new OpaqueReasoning("anthropic", OpaqueReasoning.THINKING_SIGNATURE,
                        "EqQBCgIYAhIM1gbcDa9GJwZA2b3hGgxBdjrkzLoky3dl1pkiMOYds...",
                        "I need to find the GCD of 1071 and 462 using the Euclidean algorithm.\n\n1071 = 2 × 462 + 147"
                                + "\n462 = 3 × 147 + 21\n147 = 7 × 21 + 0\n\nSo GCD(1071, 462) = 21")),
                ProviderChunk.text("The greatest common divisor of 1071 and 462 is **21**."),
                ProviderChunk.finish("stop", new TokenUsage(43, 187, 0, 0, 162)));
    }

    @Test
    void keepsTheThinkingBlockBeforeAToolCallAtEveryByteSplit() {
        assertThat(decode("thinking-tool-use.sse")).containsExactly(
                ProviderChunk.reasoning("The user wants to know the current weather in Paris. I have access to a"
                        + " function `get_weather` "),
                ProviderChunk.reasoning("that can provide this information."),
                ProviderChunk.opaqueReasoning(new OpaqueReasoning("anthropic", OpaqueReasoning.THINKING_SIGNATURE,
                        SIGNATURE, THOUGHT)),
                ProviderChunk.text("Let me check that for you."),
                ProviderChunk.toolCall(ToolCall.of("toolu_01CswdEQBMshySk6Y9DFKrfq", "get_weather",
                        Map.of("city", "Paris", "country", "FR"))),
                ProviderChunk.finish("tool_calls", TokenUsage.of(434, 112)));
    }

    @Test
    void keepsRedactedThinkingAsAnOpaqueTokenWithoutText() {
        assertThat(decode("redacted-thinking.sse")).containsExactly(
                ProviderChunk.opaqueReasoning(new OpaqueReasoning("anthropic", OpaqueReasoning.REDACTED_THINKING,
                        REDACTED, null)),
                ProviderChunk.text("I have thought it over."),
                ProviderChunk.finish("stop", TokenUsage.of(64, 48)));
    }

    @Test
    void aBudgetTurnsOnThinkingRaisesTheDefaultMaxTokensAboveItAndLeavesOutWhatTheApiRefusesWithIt() {
        ModelParameters parameters = new ModelParameters(0.2, null, 0.9, 40, null, null, null,
                ReasoningSettings.budget(6000));

        assertThat(encoder.encode(new ProviderRequest("claude-sonnet-4-5", "Be brief.", List.of(Message.user("Hi")),
                List.of(), ToolChoice.AUTO, parameters, null, null), "claude-sonnet-4-5")).isEqualTo(json("""
                {"model": "claude-sonnet-4-5", "max_tokens": 10096, "system": "Be brief.",
                 "messages": [{"role": "user", "content": "Hi"}],
                 "thinking": {"type": "enabled", "budget_tokens": 6000}, "stream": true}"""));
    }

    @Test
    void refusesABudgetNotBelowTheMaxTokensTheRequestSetNamingBoth() {
        ModelParameters parameters = new ModelParameters(null, 2048, null, null, null, null, null,
                ReasoningSettings.budget(2048));

        assertThatThrownBy(() -> encoder.encode(new ProviderRequest("claude-sonnet-4-5", null,
                List.of(Message.user("Hi")), List.of(), ToolChoice.AUTO, parameters, null, null), "claude-sonnet-4-5"))
                .isInstanceOf(ProviderException.class).hasMessageContaining("extended thinking's reasoning budget"
                        + " (2048 tokens) must be below max_tokens (2048), which counts the thinking too; raise"
                        + " max_tokens or lower the budget");
    }

    @Test
    void replaysEachAssistantMessagesThinkingBlocksFirstWithTheirSignatures() {
        ReasoningTrace trace = new ReasoningTrace(THOUGHT, List.of(
                new OpaqueReasoning("anthropic", OpaqueReasoning.REDACTED_THINKING, REDACTED, null),
                new OpaqueReasoning("anthropic", OpaqueReasoning.THINKING_SIGNATURE, SIGNATURE, THOUGHT),
                new OpaqueReasoning("openai", "encrypted_reasoning", "gAAAA", null)), true);
        List<Message> conversation = List.of(Message.user("Weather in Paris?"),
                Message.assistant("Let me check that for you.", List.of(ToolCall.of("toolu_01", "get_weather",
                        Map.of("city", "Paris")))).withReasoning(trace),
                Message.tool(ToolResult.success("toolu_01", "get_weather", "18 C", 3)));
        ModelParameters thinking = new ModelParameters(null, 8000, null, null, null, null, null,
                ReasoningSettings.budget(4000));

        assertThat(encoder.encode(new ProviderRequest("claude-sonnet-4-5", null, conversation, List.of(),
                ToolChoice.AUTO, thinking, null, null), "claude-sonnet-4-5").get("messages")).isEqualTo(json("""
                [{"role": "user", "content": "Weather in Paris?"},
                 {"role": "assistant", "content": [
                   {"type": "redacted_thinking", "data": "%s"},
                   {"type": "thinking", "thinking": "%s", "signature": "%s"},
                   {"type": "text", "text": "Let me check that for you."},
                   {"type": "tool_use", "id": "toolu_01", "name": "get_weather", "input": {"city": "Paris"}}]},
                 {"role": "user", "content": [{"type": "tool_result", "tool_use_id": "toolu_01", "content": "18 C"}]}]
                """.formatted(REDACTED, THOUGHT, SIGNATURE)));
        assertThat(encoder.encode(new ProviderRequest("claude-sonnet-4-5", null, conversation, List.of(),
                ToolChoice.AUTO, ModelParameters.DEFAULTS, null, null), "claude-sonnet-4-5")
                .at("/messages/1/content/0/type").stringValue()).as("without thinking, no blocks are replayed")
                .isEqualTo("text");
    }

    @Test
    void refusesABudgetBelowTheApisMinimumNamingIt() {
        ModelParameters tooSmall = ModelParameters.DEFAULTS.withReasoning(ReasoningSettings.budget(500));

        assertThatThrownBy(() -> encoder.encode(new ProviderRequest("claude-sonnet-4-5", null,
                List.of(Message.user("Hi")), List.of(), ToolChoice.AUTO, tooSmall, null, null), "claude-sonnet-4-5"))
                .isInstanceOf(ProviderException.class).hasMessageContaining("extended thinking needs a reasoning"
                        + " budget of at least 1024 tokens, the request asked for 500");
    }
}
