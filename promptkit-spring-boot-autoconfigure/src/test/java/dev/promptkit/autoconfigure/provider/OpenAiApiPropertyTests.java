/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.autoconfigure.provider;

import static org.assertj.core.api.Assertions.assertThat;

import dev.promptkit.autoconfigure.PromptKitContextRunners;
import dev.promptkit.autoconfigure.StartupFailures;
import dev.promptkit.provider.ProviderChunk;
import dev.promptkit.provider.ProviderRegistry;
import dev.promptkit.provider.ProviderRequest;
import dev.promptkit.types.Message;
import dev.promptkit.types.TokenUsage;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** {@code promptkit.providers.<name>.api}: which of OpenAI's APIs an openai provider calls. */
class OpenAiApiPropertyTests {

    private static final String RESPONSES_ANSWER = """
            event: response.output_text.delta
            data: {"type":"response.output_text.delta","sequence_number":4,"item_id":"msg_1","output_index":0,\
            "content_index":0,"delta":"Hello","logprobs":[]}

            event: response.completed
            data: {"type":"response.completed","sequence_number":5,"response":{"id":"resp_1","object":"response",\
            "status":"completed","output":[],"usage":{"input_tokens":9,"input_tokens_details":{"cached_tokens":0},\
            "output_tokens":1,"output_tokens_details":{"reasoning_tokens":0},"total_tokens":10}}}

            """;

    private static final String CHAT_ANSWER = """
            data: {"id":"chatcmpl-1","object":"chat.completion.chunk","choices":[{"index":0,"delta":{"content":"Hello"},\
            "finish_reason":"stop"}]}

            data: [DONE]

            """;

    private final ApplicationContextRunner contextRunner = PromptKitContextRunners.withMockProvider();
    private final MockWebServer server = new MockWebServer();

    @BeforeEach
    void start() throws IOException {
        server.start();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void responsesSendsEveryCallToTheResponsesApiWhateverTheBaseUrlAndModel() {
        server.enqueue(stream(RESPONSES_ANSWER));
        contextRunner.withPropertyValues("promptkit.providers.gpt.type=openai", "promptkit.providers.gpt.api-key=sk-t",
                "promptkit.providers.gpt.base-url=" + server.url("/v1"), "promptkit.providers.gpt.api=Responses")
                .run(context -> {
                    assertThat(answer(context.getBean(ProviderRegistry.class), "gpt-4o-mini")).containsExactly(
                            ProviderChunk.text("Hello"), ProviderChunk.finish("stop", TokenUsage.of(9, 1)));
                    RecordedRequest request = server.takeRequest(1, TimeUnit.SECONDS);
                    assertThat(request.getTarget()).isEqualTo("/v1/responses");
                    assertThat(request.getBody().utf8()).isEqualTo("{\"model\":\"gpt-4o-mini\",\"input\":[{\"role\":"
                            + "\"user\",\"content\":\"Hi\"}],\"stream\":true,\"store\":false}");
                });
    }

    @Test
    void unsetACompatibleServerKeepsChatCompletionsEvenForAResponsesOnlyModel() {
        server.enqueue(stream(CHAT_ANSWER));
        contextRunner.withPropertyValues("promptkit.providers.gpt.type=openai", "promptkit.providers.gpt.api-key=sk-t",
                "promptkit.providers.gpt.base-url=" + server.url("/v1")).run(context -> {
                    assertThat(answer(context.getBean(ProviderRegistry.class), "o3-pro")).first()
                            .isEqualTo(ProviderChunk.text("Hello"));
                    assertThat(server.takeRequest(1, TimeUnit.SECONDS).getTarget()).isEqualTo("/v1/chat/completions");
                });
    }

    @Test
    void chatCompletionsKeepsAResponsesOnlyModelOnChatCompletions() {
        server.enqueue(stream(CHAT_ANSWER));
        contextRunner.withPropertyValues("promptkit.providers.gpt.type=openai", "promptkit.providers.gpt.api-key=sk-t",
                "promptkit.providers.gpt.base-url=" + server.url("/v1"), "promptkit.providers.gpt.api=chat-completions")
                .run(context -> {
                    answer(context.getBean(ProviderRegistry.class), "o3-pro");
                    assertThat(server.takeRequest(1, TimeUnit.SECONDS).getTarget()).isEqualTo("/v1/chat/completions");
                });
    }

    @Test
    void anUnknownValueFailsStartUpNamingThePropertyAndTheValidValues() {
        FailureAnalysis analysis = StartupFailures.analysis(contextRunner.withPropertyValues(
                "promptkit.providers.gpt.type=openai", "promptkit.providers.gpt.api-key=sk-secret-key",
                "promptkit.providers.gpt.api=assistants"), new ProviderConfigurationFailureAnalyzer());

        assertThat(analysis.getDescription()).contains("(property promptkit.providers.gpt.api)")
                .contains("promptkit.providers.gpt.api must be one of responses, chat-completions, was 'assistants'.")
                .doesNotContain("sk-secret-key");
        assertThat(analysis.getAction()).isEqualTo("Set promptkit.providers.gpt.api to one of responses, "
                + "chat-completions, or remove it to choose the API by model and base URL.");
    }

    @Test
    void onAProviderOfAnotherTypeItFailsStartUpSayingOnlyOpenAiReadsIt() {
        contextRunner.withPropertyValues("promptkit.providers.claude.type=anthropic",
                "promptkit.providers.claude.api-key=sk-ant-test", "promptkit.providers.claude.api=responses")
                .run(context -> {
                    assertThat(context).hasFailed();
                    ProviderConfigurationException failure = StartupFailures.cause(context.getStartupFailure(),
                            ProviderConfigurationException.class);
                    assertThat(failure.property()).isEqualTo("promptkit.providers.claude.api");
                    assertThat(failure).hasMessage("promptkit.providers.claude.api is only read by providers of type"
                            + " openai, and this one is of type anthropic.");
                });
    }

    private static List<ProviderChunk> answer(ProviderRegistry providers, String model) {
        return providers.get("gpt").stream(ProviderRequest.of(model, null, List.of(Message.user("Hi"))))
                .collectList().block(Duration.ofSeconds(10));
    }

    private static MockResponse stream(String body) {
        return new MockResponse.Builder().addHeader("Content-Type", "text/event-stream").body(body).build();
    }
}
