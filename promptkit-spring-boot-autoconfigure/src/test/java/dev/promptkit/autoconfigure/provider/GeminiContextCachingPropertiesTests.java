/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.autoconfigure.provider;

import static org.assertj.core.api.Assertions.assertThat;

import dev.promptkit.autoconfigure.PromptKitContextRunners;
import dev.promptkit.sdk.Conversations;
import java.time.Instant;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Gemini explicit context caching switched on and tuned by a provider's options. */
class GeminiContextCachingPropertiesTests {

    private static final String STREAM = """
            data: {"candidates": [{"content": {"parts": [{"text": "Within 30 days."}],"role": "model"},\
            "finishReason": "STOP","index": 0}],"usageMetadata": {"promptTokenCount": 300,"candidatesTokenCount": 4,\
            "totalTokenCount": 304,"cachedContentTokenCount": 280},"modelVersion": "gemini-3.6-flash"}

            """;

    private final ApplicationContextRunner contextRunner = PromptKitContextRunners.withMockProvider()
            .withPropertyValues("promptkit.providers.gemini.type=gemini",
                    "promptkit.providers.gemini.api-key=AIzaSyTest", "promptkit.default-provider=gemini");

    @Test
    void cachesTheSystemInstructionWithTheConfiguredLifetimeAndPricesTheCachedTokens() throws Exception {
        try (MockWebServer upstream = new MockWebServer()) {
            upstream.start();
            upstream.enqueue(new MockResponse.Builder().addHeader("Content-Type", "application/json").body("""
                    {"name": "cachedContents/faq1", "model": "models/gemini-3.6-flash", "expireTime": "%s"}"""
                    .formatted(Instant.now().plusSeconds(600))).build());
            upstream.enqueue(new MockResponse.Builder().addHeader("Content-Type", "text/event-stream").body(STREAM)
                    .build());
            contextRunner.withPropertyValues("promptkit.providers.gemini.base-url=" + upstream.url("/v1beta"),
                    "promptkit.providers.gemini.options.context-caching=true",
                    "promptkit.providers.gemini.options.context-caching-min-tokens=1",
                    "promptkit.providers.gemini.options.context-caching-ttl=10m")
                    .run(context -> {
                        var response = context.getBean(Conversations.class).open("faq").send("Returns?");

                        RecordedRequest create = upstream.takeRequest();
                        assertThat(create.getTarget()).isEqualTo("/v1beta/cachedContents");
                        JsonNode created = JsonMapper.shared().readTree(create.getBody().utf8());
                        assertThat(created.path("ttl").asString()).isEqualTo("600s");
                        assertThat(created.has("systemInstruction")).isTrue();
                        JsonNode generate = JsonMapper.shared().readTree(upstream.takeRequest().getBody().utf8());
                        assertThat(generate.path("cachedContent").asString()).isEqualTo("cachedContents/faq1");
                        assertThat(generate.has("systemInstruction")).isFalse();
                        assertThat(response.text()).isEqualTo("Within 30 days.");
                        assertThat(response.costInfo().cachedTokens()).isEqualTo(280);
                        assertThat(response.costInfo().inputTokens()).isEqualTo(20);
                    });
        }
    }

    @Test
    void aTtlUnderAMinuteFailsStartUpNamingTheOption() {
        contextRunner.withPropertyValues("promptkit.providers.gemini.options.context-caching=true",
                "promptkit.providers.gemini.options.context-caching-ttl=5s")
                .run(context -> assertThat(context).getFailure().rootCause().hasMessage(
                        "Options 'context-caching-*' of provider 'gemini': Gemini context caching: ttl must be at"
                                + " least 1 minute, was PT5S (context-caching-min-tokens takes a whole number of"
                                + " tokens, context-caching-ttl a duration such as 30m or PT30M)"));
    }

    @Test
    void leavesCachingOffUnlessAskedSendingTheSystemInstructionEachTurn() throws Exception {
        try (MockWebServer upstream = new MockWebServer()) {
            upstream.start();
            upstream.enqueue(new MockResponse.Builder().addHeader("Content-Type", "text/event-stream").body(STREAM)
                    .build());
            contextRunner.withPropertyValues("promptkit.providers.gemini.base-url=" + upstream.url("/v1beta"))
                    .run(context -> {
                        context.getBean(Conversations.class).open("faq").send("Returns?");

                        RecordedRequest generate = upstream.takeRequest();
                        assertThat(generate.getTarget()).endsWith(":streamGenerateContent?alt=sse");
                        assertThat(JsonMapper.shared().readTree(generate.getBody().utf8()).has("systemInstruction"))
                                .isTrue();
                        assertThat(upstream.getRequestCount()).isOne();
                    });
        }
    }
}
