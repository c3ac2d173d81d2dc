/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.context;

import static dev.promptkit.context.ContextBudgetTests.fit;
import static dev.promptkit.context.Messages.assistant;
import static dev.promptkit.context.Messages.toolCall;
import static dev.promptkit.context.Messages.toolResult;
import static dev.promptkit.context.Messages.user;
import static org.assertj.core.api.Assertions.assertThat;

import dev.promptkit.provider.http.HttpProviderSettings;
import dev.promptkit.provider.http.RetryPolicy;
import dev.promptkit.provider.openai.OpenAiProvider;
import dev.promptkit.types.Message;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Summaries written by a real {@link OpenAiProvider} talking to a fake Chat Completions upstream. */
class ProviderSummarizerTests {

    private static final String SUMMARY_STREAM = """
            data: {"id":"chatcmpl-9","object":"chat.completion.chunk","created":1694268190,"model":"gpt-4o-mini","choices":[{"index":0,"delta":{"role":"assistant","content":""},"logprobs":null,"finish_reason":null}],"usage":null}

            data: {"id":"chatcmpl-9","object":"chat.completion.chunk","created":1694268190,"model":"gpt-4o-mini","choices":[{"index":0,"delta":{"content":"Alice ordered a blue bike;"},"logprobs":null,"finish_reason":null}],"usage":null}

            data: {"id":"chatcmpl-9","object":"chat.completion.chunk","created":1694268190,"model":"gpt-4o-mini","choices":[{"index":0,"delta":{"content":" it ships on Friday."},"logprobs":null,"finish_reason":null}],"usage":null}

            data: {"id":"chatcmpl-9","object":"chat.completion.chunk","created":1694268190,"model":"gpt-4o-mini","choices":[{"index":0,"delta":{},"logprobs":null,"finish_reason":"stop"}],"usage":null}

            data: {"id":"chatcmpl-9","object":"chat.completion.chunk","created":1694268190,"model":"gpt-4o-mini","choices":[],"usage":{"prompt_tokens":120,"completion_tokens":12,"total_tokens":132}}

            data: [DONE]

            """;

    private final MockWebServer server = new MockWebServer();
    private final Message u1 = user("u1", 10);
    private final Message call = toolCall("c1");
    private final Message result = toolResult("c1");
    private final Message a1 = assistant("a1", 10);
    private final Message u2 = user("u2", 10);
    private final List<Message> conversation = List.of(u1, call, result, a1, u2);

    @BeforeEach
    void startServer() throws IOException {
        server.start();
    }

    @AfterEach
    void stopServer() {
        server.close();
    }

    @Test
    void sendsTheOlderMessagesAsATranscriptUnderTheInstructionAndInsertsTheSummary() throws InterruptedException {
        server.enqueue(new MockResponse.Builder().addHeader("Content-Type", "text/event-stream").body(SUMMARY_STREAM)
                .build());
        int available = 40;

        FittedContext fitted = fit(ContextBudget.summarizing(100 + available, summarizer()), conversation, null);

        assertThat(fitted.messages()).hasSize(2);
        assertThat(fitted.messages().get(0).text())
                .isEqualTo("[Summary of 4 earlier messages]: Alice ordered a blue bike; it ships on Friday.");
        assertThat(fitted.messages().get(1)).isSameAs(u2);
        assertThat(fitted.decision().messagesSummarized()).isEqualTo(4);
        JsonNode request = JsonMapper.shared().readTree(server.takeRequest(1, TimeUnit.SECONDS).getBody().utf8());
        int room = available - Messages.tokens(u2)
                - Messages.COUNTER.countInContext(Message.system("[Summary of 4 earlier messages]: "));
        assertThat(request.get("model").stringValue()).isEqualTo("gpt-4o-mini");
        assertThat(request.get("max_completion_tokens").intValue()).isEqualTo(room);
        assertThat(request.at("/messages/0/role").stringValue()).isEqualTo("system");
        assertThat(request.at("/messages/0/content").stringValue()).isEqualTo(ProviderSummarizer.INSTRUCTION);
        assertThat(request.at("/messages/1/role").stringValue()).isEqualTo("user");
        assertThat(request.at("/messages/1/content").stringValue()).isEqualTo(String.join("\n",
                "user: " + u1.text(),
                "assistant: [called lookup with {\"id\":\"c1\"}]",
                "tool: {\"found\":\"c1\"}",
                "assistant: " + a1.text()));
        assertThat(request.get("messages")).hasSize(2);
        assertThat(request.has("tools")).isFalse();
    }

    @Test
    void fallsBackToTheSlidingWindowWhenTheUpstreamFails() {
        server.enqueue(new MockResponse.Builder().code(500).addHeader("Content-Type", "application/json").body("""
                {"error": {"message": "The server had an error while processing your request. Sorry about that!",
                  "type": "server_error", "param": null, "code": null}}""").build());
        FittedContext fitted = fit(ContextBudget.summarizing(100 + 40, summarizer()), conversation, null);

        assertThat(fitted.messages()).containsExactlyElementsOf(
                fit(ContextBudget.sliding(100 + 40), conversation, null).messages()).endsWith(u2);
        assertThat(fitted.decision().fallbackReason()).isEqualTo("the summarizer failed: Provider 'openai' failed"
                + " (HTTP 500): The server had an error while processing your request. Sorry about that!");
        assertThat(fitted.decision().messagesSummarized()).isZero();
        assertThat(fitted.decision().messagesDropped()).isPositive();
    }

    private ProviderSummarizer summarizer() {
        OpenAiProvider openAi = OpenAiProvider.builder().settings(HttpProviderSettings.builder()
                .baseUrl(server.url("/v1").toString()).apiKey("sk-test").retry(RetryPolicy.DISABLED).build()).build();
        return new ProviderSummarizer(openAi, "gpt-4o-mini");
    }
}
