/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.provider.gemini;

import static dev.promptkit.provider.http.FakeUpstream.json;
import static org.assertj.core.api.Assertions.assertThat;

import dev.promptkit.provider.ProviderChunk;
import dev.promptkit.provider.ProviderRequest;
import dev.promptkit.provider.http.SplitFixtures;
import dev.promptkit.types.Message;
import dev.promptkit.types.ModelParameters;
import dev.promptkit.types.ReasoningSettings;
import dev.promptkit.types.TokenUsage;
import dev.promptkit.types.ToolChoice;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Gemini thinking: the thinking config sent, thought summaries streamed as reasoning, cached tokens reported. */
class GeminiThinkingTests {

    private static JsonNode generationConfig(ReasoningSettings reasoning) {
        return new GenerateContentRequestEncoder("gemini").encode(new ProviderRequest("gemini-2.5-flash", null,
                List.of(Message.user("Hi")), List.of(), ToolChoice.AUTO, new ModelParameters(null, 2000, null, null,
                        null, null, null, reasoning), null, null), "gemini-2.5-flash").get("generationConfig");
    }

    @Test
    void streamsThoughtSummariesAsReasoningAndReportsCachedAndThoughtTokensAtEveryByteSplit() {
        assertThat(SplitFixtures.decodeSse(GeminiThinkingTests.class, "thinking-usage.sse",
                () -> new GenerateContentStreamDecoder("gemini")))
                .containsExactly(
                        ProviderChunk.reasoning("**Recalling the answer**\n\nThe question is a reference to the"
                                + " Hitchhiker's Guide; the expected answer is 42.\n"),
                        ProviderChunk.text("The answer is 42."),
                        ProviderChunk.finish("stop", new TokenUsage(176, 300, 1024, 0, 256)));
    }

    @Test
    void sendsTheBudgetAndAsksForThoughtSummaries() {
        assertThat(generationConfig(ReasoningSettings.budget(1024).withSummaries())).isEqualTo(json("""
                {"maxOutputTokens": 2000, "thinkingConfig": {"thinkingBudget": 1024, "includeThoughts": true}}"""));
        assertThat(generationConfig(new ReasoningSettings(0, null, null))).isEqualTo(json("""
                {"maxOutputTokens": 2000, "thinkingConfig": {"thinkingBudget": 0}}"""));
        assertThat(generationConfig(ReasoningSettings.effort("low"))).isEqualTo(json("""
                {"maxOutputTokens": 2000, "thinkingConfig": {"thinkingLevel": "low"}}"""));
        assertThat(generationConfig(ReasoningSettings.NONE)).isEqualTo(json("{\"maxOutputTokens\": 2000}"));
    }
}
