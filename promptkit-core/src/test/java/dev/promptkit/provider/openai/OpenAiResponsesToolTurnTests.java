/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.provider.openai;

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

/** A whole tool-calling turn of a reasoning model on the Responses API, through the SDK, on a loopback server. */
class OpenAiResponsesToolTurnTests {

    @RegisterExtension
    final FakeUpstream upstream = new FakeUpstream(OpenAiResponsesToolTurnTests.class, FakeUpstream.Framing.SSE);

    private OpenAiProvider openAi;

    @AfterEach
    void close() {
        openAi.close();
    }

    @Test
    void carriesTheEncryptedReasoningIntoTheSecondRoundAndStoresBothRoundsReasoning() throws InterruptedException {
        openAi = OpenAiProvider.builder().api(OpenAiApi.RESPONSES).settings(HttpProviderSettings.builder()
                .baseUrl(upstream.url("/v1")).apiKey("sk-test").retry(HttpProviderContract.QUICK_RETRIES).build())
                .model("o4-mini").build();
        upstream.enqueue(upstream.streamInOddChunks("responses/reasoning-tool-call.sse"),
                upstream.streamInOddChunks("responses/reasoning-answer.sse"));
        Conversation chat = PromptKit.open(PackLoader.loadResource("packs/tools-tools.pack.json"), "assistant",
                ConversationOptions.builder().provider(openAi).reasoning(ReasoningSettings.effort("low")
                        .withSummaries()).build());
        chat.onTool("get_weather", args -> "18 C and sunny in " + args.get("city"));

        List<StreamChunk> chunks = chat.stream("Weather in Paris?").collectList().block();

        JsonNode first = json(upstream.takeRequest().getBody().utf8());
        assertThat(first.get("input")).isEqualTo(json("[{\"role\": \"user\", \"content\": \"Weather in Paris?\"}]"));
        assertThat(first.get("reasoning")).isEqualTo(json("{\"effort\": \"low\", \"summary\": \"auto\"}"));
        assertThat(upstream.takeRequest().getBody().utf8())
                .isEqualTo(upstream.requestFixture("responses-tool-round-2.json"));

        assertThat(chunks).filteredOn(StreamChunk::isReasoning).extracting(StreamChunk::text).startsWith(
                "**Checking the weather**\n\nThe user asks about Paris; ");
        Response response = chunks.get(chunks.size() - 1).response();
        assertThat(response.text()).isEqualTo("It is 18 °C and sunny in Paris.");
        List<Message> stored = chat.messages();
        assertThat(stored).extracting(Message::role).containsExactly(Role.USER, Role.ASSISTANT, Role.TOOL,
                Role.ASSISTANT);
        assertThat(stored.get(1).reasoning().opaque()).extracting(OpaqueReasoning::data)
                .containsExactly(OpenAiResponsesReasoningTests.FIRST_ITEM);
        assertThat(stored.get(1).reasoning().text()).startsWith("**Checking the weather**");
        assertThat(stored.get(3).reasoning().opaque()).hasSize(1);
    }
}
