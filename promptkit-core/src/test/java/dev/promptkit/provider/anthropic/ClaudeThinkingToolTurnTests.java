/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.provider.anthropic;

import static dev.promptkit.provider.http.FakeUpstream.json;
import static org.assertj.core.api.Assertions.assertThat;

import dev.promptkit.pack.PackLoader;
import dev.promptkit.provider.http.FakeUpstream;
import dev.promptkit.provider.http.HttpProviderContract;
import dev.promptkit.provider.http.HttpProviderSettings;
import dev.promptkit.sdk.Conversation;
import dev.promptkit.sdk.ConversationOptions;
import dev.promptkit.sdk.PromptKit;
import dev.promptkit.sdk.Response;
import dev.promptkit.sdk.StreamChunk;
import dev.promptkit.types.Message;
import dev.promptkit.types.OpaqueReasoning;
import dev.promptkit.types.ReasoningSettings;
import dev.promptkit.types.Role;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;

/** A whole tool-calling turn with Claude extended thinking, through the SDK, on a loopback Messages API. */
class ClaudeThinkingToolTurnTests {

    @RegisterExtension
    final FakeUpstream upstream = new FakeUpstream(AnthropicProviderTests.class, FakeUpstream.Framing.SSE);

    private AnthropicProvider claude;

    @AfterEach
    void close() {
        claude.close();
    }

    @Test
    void keepsTheThinkingSignatureAcrossTheToolRoundAndStoresBothRoundsReasoning() throws InterruptedException {
        claude = AnthropicProvider.builder().settings(HttpProviderSettings.builder().baseUrl(upstream.url("/"))
                .apiKey("sk-ant-test").retry(HttpProviderContract.QUICK_RETRIES).build())
                .model("claude-sonnet-4-5").build();
        upstream.enqueue(upstream.streamInOddChunks("thinking-tool-use.sse"), upstream.streamInOddChunks("thinking.sse"));
        Conversation chat = PromptKit.open(PackLoader.loadResource("packs/tools-tools.pack.json"), "assistant",
                ConversationOptions.builder().provider(claude).reasoning(ReasoningSettings.budget(2048)).build());
        chat.onTool("get_weather", args -> "18 C and sunny in " + args.get("city"));

        List<StreamChunk> chunks = chat.stream("Weather in Paris?").collectList().block();

        JsonNode first = json(upstream.takeRequest().getBody().utf8());
        assertThat(first.get("thinking")).isEqualTo(json("{\"type\": \"enabled\", \"budget_tokens\": 2048}"));
        JsonNode second = json(upstream.takeRequest().getBody().utf8());
        assertThat(second.at("/messages/1")).isEqualTo(json("""
                {"role": "assistant", "content": [
                  {"type": "thinking", "thinking": "%s", "signature": "%s"},
                  {"type": "text", "text": "Let me check that for you."},
                  {"type": "tool_use", "id": "toolu_01CswdEQBMshySk6Y9DFKrfq", "name": "get_weather",
                   "input": {"city": "Paris", "country": "FR"}}]}
                """.formatted(AnthropicThinkingTests.THOUGHT, AnthropicThinkingTests.SIGNATURE)));
        assertThat(second.at("/messages/2/content/0/type").stringValue()).isEqualTo("tool_result");

        assertThat(chunks).filteredOn(StreamChunk::isReasoning).extracting(StreamChunk::text).startsWith(
                "The user wants to know the current weather in Paris. I have access to a function `get_weather` ");
        Response response = chunks.get(chunks.size() - 1).response();
        assertThat(response.text()).isEqualTo("The greatest common divisor of 1071 and 462 is **21**.");
        assertThat(response.reasoning()).startsWith(AnthropicThinkingTests.THOUGHT + "\n\nI need to find the GCD");
        List<Message> stored = chat.messages();
        assertThat(stored).extracting(Message::role).containsExactly(Role.USER, Role.ASSISTANT, Role.TOOL,
                Role.ASSISTANT);
        assertThat(stored.get(1).reasoning().opaque()).extracting(OpaqueReasoning::data)
                .containsExactly(AnthropicThinkingTests.SIGNATURE);
        assertThat(stored.get(1).text()).doesNotContain("get_weather` that");
    }
}
