/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.sdk;

import static org.assertj.core.api.Assertions.assertThat;

import dev.promptkit.pack.Pack;
import dev.promptkit.pack.PackLoader;
import dev.promptkit.provider.CostCalculator;
import dev.promptkit.provider.gemini.GeminiContextCaching;
import dev.promptkit.provider.gemini.GeminiPricing;
import dev.promptkit.provider.gemini.GeminiProvider;
import dev.promptkit.provider.http.HttpProviderContract;
import dev.promptkit.provider.http.HttpProviderSettings;
import dev.promptkit.types.CostInfo;
import dev.promptkit.types.ReasoningSettings;
import dev.promptkit.types.TokenUsage;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The README's worked example ("Reasoning models and prompt caching"): a Gemini turn that thinks, streamed as
 * {@code REASONING} chunks then {@code TEXT}, its system prompt read from an explicit context cache, and what the
 * cache saved, priced by the real {@link CostCalculator} at {@link GeminiPricing}'s list prices. The figures asserted
 * here are the ones the README shows.
 */
class ReasoningAndCachingWorkedExampleTests {

    private static final String STREAM = """
            data: {"candidates": [{"content": {"parts": [{"text": "Shelf codes run by surname; Pessoa is under P.",\
            "thought": true}],"role": "model"},"index": 0}],"modelVersion": "gemini-3.6-flash"}

            data: {"candidates": [{"content": {"parts": [{"text": " P-12 holds the modernists.","thought": true}],\
            "role": "model"},"index": 0}],"modelVersion": "gemini-3.6-flash"}

            data: {"candidates": [{"content": {"parts": [{"text": "The Book of Disquiet is on shelf P-12."}],\
            "role": "model"},"finishReason": "STOP","index": 0}],"usageMetadata": {"promptTokenCount": 20250,\
            "candidatesTokenCount": 300,"thoughtsTokenCount": 500,"cachedContentTokenCount": 20000,\
            "totalTokenCount": 21050},"modelVersion": "gemini-3.6-flash"}

            """;

    @Test
    void streamsTheReasoningThenTheAnswerAndPricesTheCachedSystemPromptAtTheCacheReadRate() throws Exception {
        try (MockWebServer upstream = new MockWebServer()) {
            upstream.start();
            GeminiProvider gemini = GeminiProvider.builder().settings(HttpProviderSettings.builder()
                    .baseUrl(upstream.url("/v1beta").toString()).apiKey("test-key")
                    .retry(HttpProviderContract.QUICK_RETRIES).build())
                    .contextCaching(GeminiContextCaching.on()).build();
            upstream.enqueue(new MockResponse.Builder().addHeader("Content-Type", "application/json").body("""
                    {"name": "cachedContents/library", "model": "models/gemini-3.6-flash", "expireTime": "%s"}"""
                    .formatted(Instant.now().plusSeconds(1800))).build());
            upstream.enqueue(new MockResponse.Builder().addHeader("Content-Type", "text/event-stream").body(STREAM)
                    .build());
            Conversation chat = PromptKit.open(libraryPack(), "librarian", ConversationOptions.builder()
                    .provider(gemini).build());

            List<StreamChunk> chunks = chat.stream("Where is the Book of Disquiet?",
                    SendOptions.reasoning(ReasoningSettings.budget(1024).withSummaries())).collectList().block();

            assertThat(chunks).extracting(StreamChunk::type).containsExactly(StreamChunk.Type.REASONING,
                    StreamChunk.Type.REASONING, StreamChunk.Type.TEXT, StreamChunk.Type.DONE);
            assertThat(chunks.subList(0, 3)).extracting(StreamChunk::text).containsExactly(
                    "Shelf codes run by surname; Pessoa is under P.", " P-12 holds the modernists.",
                    "The Book of Disquiet is on shelf P-12.");
            assertThat(upstream.takeRequest().getTarget()).isEqualTo("/v1beta/cachedContents");
            JsonNode generate = JsonMapper.shared().readTree(upstream.takeRequest().getBody().utf8());
            assertThat(generate.path("cachedContent").asString()).isEqualTo("cachedContents/library");
            assertThat(generate.at("/generationConfig/thinkingConfig")).isEqualTo(JsonMapper.shared().readTree(
                    "{\"thinkingBudget\": 1024, \"includeThoughts\": true}"));

            CostInfo cached = chunks.get(3).response().costInfo();
            assertThat(cached.inputTokens()).isEqualTo(250);
            assertThat(cached.cachedTokens()).isEqualTo(20_000);
            assertThat(cached.outputTokens()).isEqualTo(800);
            assertThat(cached.reasoningTokens()).isEqualTo(500);
            assertThat(cached.inputCostUsd()).isEqualTo(new BigDecimal("0.0001875"));
            assertThat(cached.cachedCostUsd()).isEqualTo(new BigDecimal("0.0015"));
            assertThat(cached.outputCostUsd()).isEqualTo(new BigDecimal("0.003"));
            assertThat(cached.totalCostUsd()).isEqualTo(new BigDecimal("0.0046875"));

            CostInfo uncached = new CostCalculator("gemini", GeminiPricing.TABLE).cost("gemini-3.6-flash",
                    new TokenUsage(20_250, 800, 0, 0, 500));
            assertThat(uncached.inputCostUsd()).isEqualTo(new BigDecimal("0.0151875"));
            assertThat(uncached.totalCostUsd()).isEqualTo(new BigDecimal("0.0181875"));
            assertThat(uncached.totalCostUsd().subtract(cached.totalCostUsd())).isEqualByComparingTo("0.0135");
            gemini.close();
        }
    }

    /** A prompt whose system template, a library catalogue, is long enough to be cached (over 4,096 tokens). */
    private static Pack libraryPack() {
        String catalogue = "Shelf P-12: Portuguese modernists, Pessoa and his heteronyms. ".repeat(300);
        String json = """
                {"id": "library", "name": "Library", "version": "1.0.0",
                 "template_engine": {"version": "v1", "syntax": "{{variable}}"},
                 "prompts": {"librarian": {"id": "librarian", "name": "Librarian", "version": "1.0.0",
                   "system_template": "Answer from the catalogue. %s"}}}""".formatted(catalogue);
        return PackLoader.load(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), "library.pack.json");
    }
}
