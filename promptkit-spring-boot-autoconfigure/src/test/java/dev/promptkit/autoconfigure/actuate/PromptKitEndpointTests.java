/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.autoconfigure.actuate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.promptkit.autoconfigure.PromptKitContextRunners;
import io.micrometer.observation.ObservationRegistry;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** {@code /actuator/promptkit} shows each provider as it runs: the base URL its calls go to, its key masked. */
class PromptKitEndpointTests {

    private static final String KEY = "sk-proj-EndpointTestKey0123456789";

    private final ApplicationContextRunner contextRunner = PromptKitContextRunners.withMockProvider()
            .withConfiguration(AutoConfigurations.of(PromptKitActuatorAutoConfiguration.class))
            .withPropertyValues("management.endpoints.web.exposure.include=promptkit");

    @Test
    void aProviderDetectedFromTheEnvironmentShowsTheBaseUrlOfOpenAiBaseUrl() {
        contextRunner.withPropertyValues("OPENAI_API_KEY=" + KEY, "OPENAI_BASE_URL=http://127.0.0.1:9/compatible/v1")
                .run(context -> assertThat(providers(context.getBean(PromptKitEndpoint.class)))
                        .containsEntry("default", "openai")
                        .containsEntry("openai", Map.of("type", "openai", "model", "gpt-4o-mini",
                                "baseUrl", "http://127.0.0.1:9/compatible/v1", "apiKey", "******",
                                "api", "chat-completions")));
    }

    @Test
    void configuredProvidersShowTheirOwnOrTheVendorsBaseUrlBehindObservation() {
        contextRunner.withBean(ObservationRegistry.class, ObservationRegistry::create)
                .withPropertyValues("promptkit.providers.claude.type=anthropic",
                        "promptkit.providers.claude.api-key=" + KEY, "promptkit.providers.local.type=ollama",
                        "promptkit.providers.local.base-url=http://127.0.0.1:11434",
                        "promptkit.providers.scripted.type=mock")
                .run(context -> {
                    Map<String, Object> providers = providers(context.getBean(PromptKitEndpoint.class));
                    assertThat(providers.get("claude")).asString()
                            .contains("baseUrl=https://api.anthropic.com", "apiKey=******");
                    assertThat(providers.get("local")).asString()
                            .contains("baseUrl=http://127.0.0.1:11434", "apiKey=none");
                    assertThat(providers.get("scripted")).asString().contains("baseUrl=none (in process)");
                    assertThat(providers).asString().doesNotContain(KEY.substring(8));
                });
    }

    @Test
    void openAiProvidersShowTheApiTheirCallsGoTo() {
        contextRunner.withPropertyValues("promptkit.providers.pro.type=openai", "promptkit.providers.pro.api-key=" + KEY,
                "promptkit.providers.pro.api=responses", "promptkit.providers.auto.type=openai",
                "promptkit.providers.auto.api-key=" + KEY).run(context -> {
                    Map<String, Object> providers = providers(context.getBean(PromptKitEndpoint.class));
                    assertThat(providers.get("pro")).asString().contains("api=responses");
                    assertThat(providers.get("auto")).asString()
                            .contains("api=responses for the models only it serves, else chat-completions");
                });
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> providers(PromptKitEndpoint endpoint) {
        return (Map<String, Object>) endpoint.describe().get("providers");
    }
}
