/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.sdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.promptkit.pack.Pack;
import dev.promptkit.pack.PackException;
import dev.promptkit.pack.PackLoader;
import dev.promptkit.provider.anthropic.AnthropicProvider;
import dev.promptkit.provider.gemini.GeminiProvider;
import dev.promptkit.provider.http.HttpProviderSettings;
import dev.promptkit.provider.http.HttpProviderContract;
import dev.promptkit.types.ReasoningSettings;
import java.io.IOException;
import java.nio.file.Path;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Where a turn's reasoning settings come from, as the request on the wire shows them: a send's over the pack
 * prompt's {@code parameters}, those over the conversation's options, and those over the provider's defaults.
 */
class ReasoningPrecedenceTests {

    private static final Pack PACK = PackLoader.load(Path.of("src/test/resources/sdk/reasoning.pack.json"));
    private static final String GEMINI_ANSWER = """
            data: {"candidates": [{"content": {"parts": [{"text": "Sums match."}],"role": "model"},\
            "finishReason": "STOP","index": 0}],"usageMetadata": {"promptTokenCount": 9,"candidatesTokenCount": 3,\
            "totalTokenCount": 12},"modelVersion": "gemini-3.6-flash"}

            """;

    private final MockWebServer upstream = new MockWebServer();
    private GeminiProvider gemini;

    @BeforeEach
    void start() throws IOException {
        upstream.start();
        gemini = GeminiProvider.builder().settings(settings("/v1beta")).build();
    }

    @AfterEach
    void stop() throws IOException {
        gemini.close();
        upstream.close();
    }

    @Test
    void thePacksParametersWinOverTheConversationsOptionsAndASendsOverBoth() throws InterruptedException {
        Conversation chat = PromptKit.open(PACK, "analyst", ConversationOptions.builder().provider(gemini)
                .reasoning(new ReasoningSettings(512, "medium", false)).build());

        assertThat(thinkingConfig(chat)).isEqualTo(json("""
                {"thinkingBudget": 2048, "thinkingLevel": "medium", "includeThoughts": true}"""));
        assertThat(thinkingConfig(chat, SendOptions.reasoning(new ReasoningSettings(4096, "high", null))))
                .isEqualTo(json("""
                        {"thinkingBudget": 4096, "thinkingLevel": "high", "includeThoughts": true}"""));
        assertThat(thinkingConfig(chat)).as("a send's settings hold for its turn only").isEqualTo(json("""
                {"thinkingBudget": 2048, "thinkingLevel": "medium", "includeThoughts": true}"""));
    }

    @Test
    void withoutPackParametersTheConversationsOptionsApplyAndWithoutThemTheProvidersDefault()
            throws InterruptedException {
        Conversation configured = PromptKit.open(PACK, "plain", ConversationOptions.builder().provider(gemini)
                .reasoning(ReasoningSettings.effort("low")).build());
        Conversation bare = PromptKit.open(PACK, "plain", ConversationOptions.builder().provider(gemini).build());

        assertThat(thinkingConfig(configured)).isEqualTo(json("{\"thinkingLevel\": \"low\"}"));
        upstream.enqueue(answer());
        bare.send("Check these.");
        assertThat(body().path("generationConfig").has("thinkingConfig")).isFalse();
    }

    @Test
    void aSendsBudgetNotBelowThePacksMaxTokensFailsTheTurnNamingTheLimitAndStoresNothing() {
        try (AnthropicProvider claude = AnthropicProvider.builder().settings(settings("/v1")).build()) {
            Conversation chat = PromptKit.open(PACK, "analyst", ConversationOptions.builder().provider(claude)
                    .build());

            assertThatThrownBy(() -> chat.send("Check these.", SendOptions.reasoning(ReasoningSettings.budget(9000))))
                    .hasMessageContaining("extended thinking's reasoning budget (9000 tokens) must be below max_tokens"
                            + " (8000)");
            assertThatThrownBy(() -> chat.send("Check these.", SendOptions.reasoning(ReasoningSettings.budget(500))))
                    .hasMessageContaining("extended thinking needs a reasoning budget of at least 1024 tokens, the"
                            + " request asked for 500");
            assertThat(chat.messages()).isEmpty();
            assertThat(upstream.getRequestCount()).isZero();
        }
    }

    @Test
    void anUnknownEffortIsRefusedNamingTheValidOnesInASendAndInAPackWithItsPointer() {
        assertThatThrownBy(() -> SendOptions.reasoning(ReasoningSettings.effort("extreme")))
                .hasMessage("Unknown reasoning effort 'extreme'; valid values: [high, low, medium, minimal]");
        assertThatThrownBy(() -> PackLoader.load(Path.of("src/test/resources/sdk/bad-effort.pack.json")))
                .isInstanceOfSatisfying(PackException.class, failure -> assertThat(failure.violations())
                        .singleElement().asString().startsWith("/prompts/analyst/parameters/reasoning_effort")
                        .contains("high", "low", "medium", "minimal"));
        assertThatThrownBy(() -> ReasoningSettings.budget(-2)).hasMessageStartingWith("Reasoning budget -2 is not a"
                + " number of tokens; valid values: -1 (the model decides, Gemini), 0 (no thinking)");
    }

    private JsonNode thinkingConfig(Conversation chat, SendOption... options) throws InterruptedException {
        upstream.enqueue(answer());
        chat.send("Check these.", options);
        return body().path("generationConfig").path("thinkingConfig");
    }

    private JsonNode body() throws InterruptedException {
        return json(upstream.takeRequest().getBody().utf8());
    }

    private static MockResponse answer() {
        return new MockResponse.Builder().addHeader("Content-Type", "text/event-stream").body(GEMINI_ANSWER).build();
    }

    private HttpProviderSettings settings(String basePath) {
        return HttpProviderSettings.builder().baseUrl(upstream.url(basePath).toString()).apiKey("test-key")
                .retry(HttpProviderContract.QUICK_RETRIES).build();
    }

    private static JsonNode json(String text) {
        return JsonMapper.shared().readTree(text);
    }
}
