/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.autoconfigure.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.promptkit.autoconfigure.PromptKitContextRunners;
import dev.promptkit.sdk.Conversation;
import dev.promptkit.sdk.Conversations;
import dev.promptkit.test.http.CloseTiming;
import dev.promptkit.test.http.ConnectionConduct;
import dev.promptkit.test.http.ConnectionEnding;
import dev.promptkit.test.http.LoopbackHttpServer;
import dev.promptkit.test.http.LoopbackResponse;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/**
 * The starter's meter of requests re-sent on a new connection, against an OpenAI-compatible upstream that serves
 * one request per connection and closes it without saying so (the close meeting the next request).
 */
class ProviderResendMeterTests {

    private static final String ANSWER = """
            data: {"id":"chatcmpl-1","object":"chat.completion.chunk","created":1694268190,"model":"gpt-4o-mini",\
            "choices":[{"index":0,"delta":{"role":"assistant","content":"Two days."},"finish_reason":null}]}

            data: {"id":"chatcmpl-1","object":"chat.completion.chunk","created":1694268190,"model":"gpt-4o-mini",\
            "choices":[{"index":0,"delta":{},"finish_reason":"stop"}]}

            data: {"id":"chatcmpl-1","object":"chat.completion.chunk","created":1694268190,"model":"gpt-4o-mini",\
            "choices":[],"usage":{"prompt_tokens":12,"completion_tokens":3,"total_tokens":15}}

            data: [DONE]

            """;

    private final ApplicationContextRunner contextRunner = PromptKitContextRunners.withMockProvider()
            .withConfiguration(AutoConfigurations.of(PromptKitMetricsAutoConfiguration.class))
            .withBean(MeterRegistry.class, SimpleMeterRegistry::new);

    @Test
    void countsEveryRequestSentAgainByProvider() {
        try (LoopbackHttpServer upstream = LoopbackHttpServer.start(ConnectionConduct.builder()
                .maxRequestsPerConnection(1, false).ending(ConnectionEnding.RESET, CloseTiming.AS_NEXT_REQUEST_ARRIVES)
                .build(), request -> LoopbackResponse.ok("text/event-stream", ANSWER))) {
            contextRunner.withPropertyValues("promptkit.providers.openai.api-key=sk-test",
                    "promptkit.providers.openai.base-url=" + upstream.url("/v1")).run(context -> {
                        Conversation chat = context.getBean(Conversations.class).open("faq");
                        // a call reuses the last call's connection once the pool has it back: call until two have
                        for (int i = 0; i < 20 && upstream.requestsDroppedOnReusedConnections() < 2; i++) {
                            assertThat(chat.send("How long does shipping take?").text()).isEqualTo("Two days.");
                        }

                        assertThat(upstream.requestsDroppedOnReusedConnections()).isEqualTo(2);
                        assertThat(context.getBean(MeterRegistry.class).get("promptkit.provider.resends")
                                .tag("provider", "openai").counter().count())
                                .isEqualTo(upstream.requestsDroppedOnReusedConnections());
                        assertThat(context.getBean(MeterRegistry.class).find("promptkit.stream.retries").counters())
                                .as("registered at zero, and still zero: a re-send is no retry")
                                .isNotEmpty().allSatisfy(retries -> assertThat(retries.count()).isZero());
                    });
        }
    }
}
