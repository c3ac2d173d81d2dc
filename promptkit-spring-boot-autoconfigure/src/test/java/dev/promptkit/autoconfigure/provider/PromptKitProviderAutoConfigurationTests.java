/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.autoconfigure.provider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import dev.promptkit.autoconfigure.PromptKitContextRunners;
import dev.promptkit.autoconfigure.StartupFailures;
import dev.promptkit.provider.AnswerLimits;
import dev.promptkit.provider.Provider;
import dev.promptkit.provider.ProviderChunk;
import dev.promptkit.provider.ProviderException;
import dev.promptkit.provider.ProviderFactory;
import dev.promptkit.provider.ProviderRegistry;
import dev.promptkit.provider.ProviderRequest;
import dev.promptkit.provider.ProviderSpec;
import dev.promptkit.provider.http.HttpProvider;
import dev.promptkit.sdk.Conversations;
import dev.promptkit.sdk.ProviderNotDetectedException;
import dev.promptkit.types.Message;
import dev.promptkit.types.TokenUsage;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.observation.tck.TestObservationRegistry;
import io.micrometer.observation.tck.TestObservationRegistryAssert;
import java.util.List;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import reactor.core.publisher.Flux;

class PromptKitProviderAutoConfigurationTests {

    private final ApplicationContextRunner contextRunner = PromptKitContextRunners.withMockProvider();

    @Test
    void withNothingConfiguredTheMockServes() {
        contextRunner.run(context -> {
            ProviderRegistry providers = context.getBean(ProviderRegistry.class);
            assertThat(providers.asMap()).containsOnlyKeys("mock");
            assertThat(providers.defaultProvider().type()).isEqualTo("mock");
        });
    }

    @Test
    void anApiKeyInTheEnvironmentSelectsItsProvider() {
        contextRunner.withPropertyValues("ANTHROPIC_API_KEY=sk-ant-test").run(context -> assertThat(
                context.getBean(ProviderRegistry.class).defaultProvider().type()).isEqualTo("anthropic"));
    }

    @Test
    void severalNamedProvidersOfOneTypeLiveSideBySide() {
        contextRunner.withPropertyValues("promptkit.providers.fast.type=openai", "promptkit.providers.fast.model=gpt-4o-mini",
                "promptkit.providers.fast.api-key=k1", "promptkit.providers.smart.type=openai",
                "promptkit.providers.smart.model=gpt-4.1", "promptkit.providers.smart.api-key=k2",
                "promptkit.providers.claude.type=anthropic", "promptkit.providers.claude.api-key=k3",
                "promptkit.default-provider=smart").run(context -> {
                    ProviderRegistry providers = context.getBean(ProviderRegistry.class);
                    assertThat(providers.asMap()).containsOnlyKeys("fast", "smart", "claude");
                    assertThat(providers.defaultProvider().defaultModel()).isEqualTo("gpt-4.1");
                    assertThat(providers.get("fast").defaultModel()).isEqualTo("gpt-4o-mini");
                    assertThat(context).hasSingleBean(Conversations.class);
                });
    }

    @Test
    void httpPropertiesReachTheProvidersClient() throws Exception {
        try (MockWebServer server = new MockWebServer()) {
            server.start();
            for (int i = 0; i < 3; i++) {
                server.enqueue(new MockResponse.Builder().code(503).addHeader("Content-Type", "application/json")
                        .body("{\"error\":{\"message\":\"overloaded\"}}").build());
            }
            contextRunner.withPropertyValues("promptkit.providers.openai.api-key=sk-test",
                    "promptkit.providers.openai.base-url=" + server.url("/v1"),
                    "promptkit.providers.openai.http.retry.max-retries=0",
                    "promptkit.providers.openai.http.max-connections=4000").run(context -> {
                        assertThatExceptionOfType(ProviderException.class)
                                .isThrownBy(() -> context.getBean(Conversations.class).open("faq").send("hello?"))
                                .satisfies(e -> assertThat(e.statusCode()).isEqualTo(503));
                        // retries are off: the default (two retries) would have made three calls
                        assertThat(server.getRequestCount()).isEqualTo(1);
                    });
        }
    }

    @Test
    void limitPropertiesBoundTheAnswersOfEveryProviderTypeAndAreCheckedAtStartUp() {
        contextRunner.withPropertyValues("promptkit.providers.scripted.type=mock",
                "promptkit.providers.scripted.limits.max-answer-chars=10",
                "promptkit.providers.openai.api-key=sk-test", "promptkit.providers.openai.limits.max-answer-chars=20000",
                "promptkit.providers.openai.limits.max-answer-tokens=4000").run(context -> {
                    ProviderRegistry providers = context.getBean(ProviderRegistry.class);
                    assertThat(((HttpProvider) providers.get("openai")).answerLimits())
                            .isEqualTo(new AnswerLimits(20_000, 4000));
                    assertThatExceptionOfType(ProviderException.class).isThrownBy(() -> providers.get("scripted")
                            .call(ProviderRequest.of(null, null, List.of(Message.user("Hi")))).block())
                            .satisfies(e -> assertThat(e.kind()).isEqualTo(ProviderException.Kind.ANSWER_TOO_LARGE));
                });
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            claude.http.connect-timeout=0s           | must be a positive duration, was 0ms
            claude.http.idle-timeout=-1s             | must be a positive duration, was -1000ms
            claude.http.max-idle-time=0s             | must be a positive duration, was 0ms
            claude.http.max-life-time=-1m            | must be a positive duration, was -60000ms
            claude.http.max-connections=0            | must be a whole number of 1 or more, was 0
            claude.http.max-in-flight=-1             | must be a whole number of 0 or more, was -1
            claude.http.max-queued=-5                | must be a whole number of 0 or more, was -5
            claude.http.max-queue-wait=-10ms         | must be a duration of 0 or more, was -10ms
            claude.http.retry.max-retries=-1         | must be a whole number of 0 or more, was -1
            claude.http.retry.initial-backoff=-1s    | must be a duration of 0 or more, was -1000ms
            claude.http.retry.budget-per-second=-0.5 | must be a number of 0 or more, was -0.5
            claude.http.retry.budget-burst=-2        | must be a whole number of 0 or more, was -2
            claude.limits.max-answer-chars=0         | must be a whole number of 1 or more, was 0
            claude.limits.max-answer-tokens=-3       | must be a whole number of 1 or more, was -3
            """)
    void aValueOutOfRangeFailsStartUpNamingThePropertyTheRangeAndTheValue(String setting, String problem) {
        String property = "promptkit.providers." + setting.substring(0, setting.indexOf('='));
        contextRunner.withPropertyValues("promptkit.providers.claude.type=anthropic",
                "promptkit.providers.claude.api-key=sk-ant-secret", "promptkit.providers." + setting).run(context -> {
                    assertThat(context).hasFailed();
                    ProviderConfigurationException failure = StartupFailures.cause(context.getStartupFailure(),
                            ProviderConfigurationException.class);
                    assertThat(failure.property()).isEqualTo(property);
                    assertThat(failure).hasMessage(property + " " + problem + ".")
                            .hasMessageNotContaining("sk-ant-secret");
                    assertThat(failure.action()).startsWith("Set " + property + " to ");
                });
    }

    @Test
    void anUnknownTypeFailsStartUpListingTheKnownOnes() {
        contextRunner.withPropertyValues("promptkit.providers.x.type=acme").run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).rootCause().hasMessageContaining("Unknown provider type 'acme'")
                    .hasMessageContaining("[anthropic, gemini, mock, ollama, openai]");
        });
    }

    @Test
    void aProviderFactoryBeanAddsAType() {
        contextRunner.withBean(ProviderFactory.class, AcmeFactory::new)
                .withPropertyValues("promptkit.providers.x.type=acme")
                .run(context -> assertThat(context.getBean(ProviderRegistry.class).get("x").type()).isEqualTo("acme"));
    }

    @Test
    void withTheMockDisabledAndNothingFoundStartUpFailsSayingWhatToSet() {
        contextRunner.withPropertyValues("promptkit.mock.enabled=false").run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).rootCause().isInstanceOf(ProviderNotDetectedException.class);
            assertThat(StartupFailures.cause(context.getStartupFailure(), ProviderConfigurationException.class))
                    .hasMessageContaining("OPENAI_API_KEY").hasMessageContaining("promptkit.mock.enabled=false")
                    .satisfies(failure -> assertThat(failure.property()).isEqualTo("promptkit.mock.enabled"));
        });
    }

    @Test
    void aUserProviderRegistryReplacesTheConfiguredOne() {
        ProviderRegistry own = new ProviderRegistry(java.util.Map.of("acme", new AcmeFactory().create(
                ProviderSpec.of("acme", null, null))), "acme");
        contextRunner.withBean(ProviderRegistry.class, () -> own)
                .run(context -> assertThat(context.getBean(ProviderRegistry.class)).isSameAs(own));
    }

    @Test
    void providerCallsAreObservedWithTheGenAiAttributes() {
        TestObservationRegistry observations = TestObservationRegistry.create();
        contextRunner.withBean(ObservationRegistry.class, () -> observations).run(context -> {
            context.getBean(Conversations.class).open("faq").send("hello");

            TestObservationRegistryAssert.assertThat(observations)
                    .hasObservationWithNameEqualTo("gen_ai.client.operation").that()
                    .hasBeenStarted().hasBeenStopped()
                    .hasLowCardinalityKeyValue("gen_ai.system", "mock")
                    .hasLowCardinalityKeyValue("gen_ai.request.model", "mock-model")
                    .hasLowCardinalityKeyValue("gen_ai.operation.name", "chat")
                    .hasHighCardinalityKeyValue("gen_ai.response.finish_reasons", "stop");
        });
    }

    /** A custom provider type, as an application would add one. */
    static final class AcmeFactory implements ProviderFactory {
        @Override
        public String type() {
            return "acme";
        }

        @Override
        public Provider create(ProviderSpec spec) {
            return new Provider() {
                public String name() {
                    return spec.name();
                }

                public String type() {
                    return "acme";
                }

                public String defaultModel() {
                    return "acme-1";
                }

                public Flux<ProviderChunk> stream(ProviderRequest request) {
                    return Flux.just(ProviderChunk.text("acme"), ProviderChunk.finish("stop", TokenUsage.of(1, 1)));
                }
            };
        }
    }
}
