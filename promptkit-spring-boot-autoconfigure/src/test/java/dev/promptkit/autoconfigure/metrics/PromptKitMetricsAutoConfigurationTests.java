/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.autoconfigure.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.promptkit.autoconfigure.PromptKitContextRunners;
import dev.promptkit.event.ConcurrencyRejectedEvent;
import dev.promptkit.event.EventBus;
import dev.promptkit.provider.http.RejectionReason;
import dev.promptkit.sdk.Conversations;
import dev.promptkit.sdk.Response;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.Arrays;
import java.util.Locale;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

class PromptKitMetricsAutoConfigurationTests {

    private final ApplicationContextRunner contextRunner = PromptKitContextRunners.withMockProvider()
            .withConfiguration(AutoConfigurations.of(PromptKitMetricsAutoConfiguration.class));

    @Test
    void withoutAMeterRegistryThereAreNoMeters() {
        contextRunner.run(context -> assertThat(context).doesNotHaveBean(PromptKitMeters.class));
        contextRunner.withBean(MeterRegistry.class, SimpleMeterRegistry::new)
                .withClassLoader(new FilteredClassLoader(MeterRegistry.class))
                .run(context -> assertThat(context).doesNotHaveBean(PromptKitMeters.class));
    }

    @Test
    void backsOffWhenTheApplicationDefinesItsMeters() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        contextRunner.withBean(MeterRegistry.class, () -> registry)
                .withBean(PromptKitMeters.class, () -> new PromptKitMeters(registry, EventBus.create()))
                .run(context -> {
                    assertThat(context).hasSingleBean(PromptKitMeters.class);
                    assertThat(registry.find("promptkit.stream.retries").counters()).isEmpty();
                });
    }

    @Test
    void aTurnIsCountedWithItsTokensExactCostAndToolCalls() {
        contextRunner.withBean(MeterRegistry.class, SimpleMeterRegistry::new)
                .withBean("lookup_order", dev.promptkit.tool.ToolExecutor.class,
                        () -> (call, context) -> reactor.core.publisher.Mono.just("shipped"))
                .run(context -> {
                    Response response = context.getBean(Conversations.class).open("chat").send("where is order A-1?");
                    MeterRegistry registry = context.getBean(MeterRegistry.class);

                    assertThat(registry.get("promptkit.provider.requests").tags("provider", "mock", "prompt", "chat",
                            "outcome", "success").timer().count()).isEqualTo(2);
                    assertThat(registry.get("promptkit.provider.tokens").tags("type", "output").counter().count())
                            .isEqualTo(response.outputTokens());
                    assertThat(registry.get("promptkit.provider.cost").tags("provider", "mock").counter().count())
                            .isEqualTo(response.cost().doubleValue());
                    assertThat(registry.get("promptkit.tool.calls").tags("tool", "lookup_order", "outcome", "success")
                            .timer().count()).isEqualTo(1);
                });
    }

    @Test
    void retryAndRejectionCountersOfEveryConfiguredProviderStartAtZero() {
        contextRunner.withBean(MeterRegistry.class, SimpleMeterRegistry::new)
                .withPropertyValues("promptkit.providers.main.type=mock", "promptkit.providers.backup.type=mock")
                .run(context -> {
                    MeterRegistry registry = context.getBean(MeterRegistry.class);
                    for (String provider : new String[] { "main", "backup" }) {
                        assertThat(count(registry, "promptkit.stream.retries", provider, "outcome", "retrying")).isZero();
                        assertThat(count(registry, "promptkit.stream.retries", provider, "outcome", "budget_exhausted"))
                                .isZero();
                        for (RejectionReason reason : RejectionReason.values()) {
                            assertThat(count(registry, "promptkit.stream.rejections", provider, "reason",
                                    reason.name().toLowerCase(Locale.ROOT))).isZero();
                        }
                    }
                    assertThat(registry.find("promptkit.stream.rejections").counters()).hasSize(4);

                    context.getBean(EventBus.class).publish(new ConcurrencyRejectedEvent(java.time.Instant.now(), null,
                            "main", "queue_full"));

                    assertThat(count(registry, "promptkit.stream.rejections", "main", "reason", "queue_full")).isOne();
                });
    }

    @Test
    void theRejectionReasonsRegisteredAtZeroAreTheOnesThePublisherSends() {
        assertThat(ConcurrencyRejectedEvent.REASONS).containsExactlyElementsOf(Arrays.stream(RejectionReason.values())
                .map(reason -> reason.name().toLowerCase(Locale.ROOT)).toList());
    }

    @Test
    void aRetryAgainstARealUpstreamCountsOnTheCounterThatStartedAtZero() throws Exception {
        try (MockWebServer upstream = new MockWebServer()) {
            upstream.start();
            upstream.enqueue(new MockResponse.Builder().code(503).addHeader("Content-Type", "application/json")
                    .addHeader("Retry-After", "0").body("{\"error\":{\"message\":\"overloaded\"}}").build());
            upstream.enqueue(new MockResponse.Builder().addHeader("Content-Type", "text/event-stream").body("""
                    data: {"id":"c1","object":"chat.completion.chunk","created":1,"model":"gpt-4o-mini","choices":[{"index":0,"delta":{"role":"assistant","content":"Hi"},"finish_reason":null}]}

                    data: {"id":"c1","object":"chat.completion.chunk","created":1,"model":"gpt-4o-mini","choices":[{"index":0,"delta":{},"finish_reason":"stop"}],"usage":{"prompt_tokens":5,"completion_tokens":1,"total_tokens":6}}

                    data: [DONE]

                    """).build());
            contextRunner.withBean(MeterRegistry.class, SimpleMeterRegistry::new)
                    .withPropertyValues("promptkit.providers.openai.api-key=sk-test",
                            "promptkit.providers.openai.base-url=" + upstream.url("/v1"),
                            "promptkit.providers.openai.http.retry.initial-backoff=1ms")
                    .run(context -> {
                        MeterRegistry registry = context.getBean(MeterRegistry.class);
                        assertThat(count(registry, "promptkit.stream.retries", "openai", "outcome", "retrying")).isZero();

                        assertThat(context.getBean(Conversations.class).open("faq").send("hi").text()).isEqualTo("Hi");

                        assertThat(count(registry, "promptkit.stream.retries", "openai", "outcome", "retrying")).isOne();
                        assertThat(upstream.getRequestCount()).isEqualTo(2);
                    });
        }
    }

    private static double count(MeterRegistry registry, String name, String provider, String tag, String value) {
        Counter counter = registry.find(name).tags("provider", provider, tag, value).counter();
        assertThat(counter).as(name + " for " + provider + " " + value).isNotNull();
        return counter.count();
    }
}
