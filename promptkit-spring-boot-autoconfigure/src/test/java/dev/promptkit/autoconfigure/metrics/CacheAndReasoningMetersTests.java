/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.autoconfigure.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.promptkit.autoconfigure.PromptKitContextRunners;
import dev.promptkit.sdk.Conversations;
import dev.promptkit.sdk.Response;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.math.BigDecimal;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A Claude turn with thinking and a prompt-cache hit, configured by properties, counted by type of token. */
class CacheAndReasoningMetersTests {

    /** A Messages API stream as Anthropic documents it: a thinking block, text, cache reads and writes. */
    private static final String STREAM = """
            event: message_start
            data: {"type":"message_start","message":{"id":"msg_01","type":"message","role":"assistant","content":[],"model":"claude-sonnet-4-5-20250929","stop_reason":null,"stop_sequence":null,"usage":{"input_tokens":14,"cache_creation_input_tokens":248,"cache_read_input_tokens":1800,"output_tokens":1}}}

            event: content_block_start
            data: {"type":"content_block_start","index":0,"content_block":{"type":"thinking","thinking":"","signature":""}}

            event: content_block_delta
            data: {"type":"content_block_delta","index":0,"delta":{"type":"thinking_delta","thinking":"Returns are free within 30 days."}}

            event: content_block_delta
            data: {"type":"content_block_delta","index":0,"delta":{"type":"signature_delta","signature":"EqQBCgIYAhIM"}}

            event: content_block_stop
            data: {"type":"content_block_stop","index":0}

            event: content_block_start
            data: {"type":"content_block_start","index":1,"content_block":{"type":"text","text":""}}

            event: content_block_delta
            data: {"type":"content_block_delta","index":1,"delta":{"type":"text_delta","text":"Within 30 days, free."}}

            event: content_block_stop
            data: {"type":"content_block_stop","index":1}

            event: message_delta
            data: {"type":"message_delta","delta":{"stop_reason":"end_turn","stop_sequence":null},"usage":{"output_tokens":187,"output_tokens_details":{"thinking_tokens":162}}}

            event: message_stop
            data: {"type":"message_stop"}

            """;

    private final ApplicationContextRunner contextRunner = PromptKitContextRunners.withMockProvider()
            .withConfiguration(AutoConfigurations.of(PromptKitMetricsAutoConfiguration.class))
            .withBean(MeterRegistry.class, SimpleMeterRegistry::new);

    @Test
    void countsCachedCacheWriteAndReasoningTokensAndSendsTheConfiguredThinkingBudget() throws Exception {
        try (MockWebServer upstream = new MockWebServer()) {
            upstream.start();
            upstream.enqueue(new MockResponse.Builder().addHeader("Content-Type", "text/event-stream").body(STREAM)
                    .build());
            contextRunner.withPropertyValues("promptkit.providers.claude.type=anthropic",
                    "promptkit.providers.claude.api-key=sk-ant-test",
                    "promptkit.providers.claude.model=claude-sonnet-4-5",
                    "promptkit.providers.claude.base-url=" + upstream.url("/"),
                    "promptkit.default-provider=claude", "promptkit.conversation.reasoning.budget-tokens=2048")
                    .run(context -> {
                        Response response = context.getBean(Conversations.class).open("faq").send("Returns?");
                        MeterRegistry registry = context.getBean(MeterRegistry.class);

                        assertThat(response.text()).isEqualTo("Within 30 days, free.");
                        assertThat(response.reasoning()).isEqualTo("Returns are free within 30 days.");
                        assertThat(tokens(registry, "cached")).isEqualTo(1800);
                        assertThat(tokens(registry, "cache_write")).isEqualTo(248);
                        assertThat(tokens(registry, "reasoning")).isEqualTo(162);
                        assertThat(tokens(registry, "input")).isEqualTo(14);
                        assertThat(response.costInfo().cacheWriteCostUsd()).isEqualTo(new BigDecimal("0.00093"));
                        JsonNode sent = JsonMapper.shared().readTree(upstream.takeRequest().getBody().utf8());
                        assertThat(sent.at("/thinking/budget_tokens").asInt()).isEqualTo(2048);
                    });
        }
    }

    @Test
    void aPromptCachingOptionThatIsNoBooleanFailsStartUpNamingIt() {
        contextRunner.withPropertyValues("promptkit.providers.claude.type=anthropic",
                "promptkit.providers.claude.api-key=sk-ant-test", "promptkit.providers.claude.options.prompt-caching=yes")
                .run(context -> assertThat(context).getFailure().rootCause().hasMessage(
                        "Option 'prompt-caching' of provider 'claude' must be true or false, was 'yes'"));
    }

    @Test
    void anUnknownReasoningEffortFailsStartUpListingTheValidOnes() {
        contextRunner.withPropertyValues("promptkit.conversation.reasoning.effort=extreme")
                .run(context -> assertThat(context).getFailure().rootCause().hasMessage(
                        "promptkit.conversation.reasoning.effort is 'extreme'; valid values: [high, low, medium,"
                                + " minimal]"));
    }

    private static double tokens(MeterRegistry registry, String type) {
        return registry.get("promptkit.provider.tokens").tags("provider", "claude", "type", type).counter().count();
    }
}
