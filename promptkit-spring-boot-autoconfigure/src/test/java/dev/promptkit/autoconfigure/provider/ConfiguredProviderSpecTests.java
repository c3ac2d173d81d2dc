/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.autoconfigure.provider;

import static org.assertj.core.api.Assertions.assertThat;

import dev.promptkit.provider.AnswerLimits;
import dev.promptkit.provider.ProviderSpec;
import dev.promptkit.provider.http.ConcurrencyPolicy;
import dev.promptkit.provider.http.HttpProviderSettings;
import dev.promptkit.provider.http.RetryPolicy;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

class ConfiguredProviderSpecTests {

    @Test
    void everyHttpAndLimitPropertyReachesTheSpecTyped() {
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("promptkit.providers.claude.api-key", "sk-ant-test");
        properties.put("promptkit.providers.claude.base-url", "http://127.0.0.1:9/v1/");
        properties.put("promptkit.providers.claude.model", "claude-x");
        properties.put("promptkit.providers.claude.headers.x-team", "blue");
        properties.put("promptkit.providers.claude.options.api-version", "2024-10-21");
        properties.put("promptkit.providers.claude.http.connect-timeout", "2s");
        properties.put("promptkit.providers.claude.http.idle-timeout", "PT45S");
        properties.put("promptkit.providers.claude.http.max-connections", "4000");
        properties.put("promptkit.providers.claude.http.max-idle-time", "4s");
        properties.put("promptkit.providers.claude.http.max-life-time", "2m");
        properties.put("promptkit.providers.claude.http.max-in-flight", "64");
        properties.put("promptkit.providers.claude.http.max-queued", "128");
        properties.put("promptkit.providers.claude.http.max-queue-wait", "250ms");
        properties.put("promptkit.providers.claude.http.retry.max-retries", "5");
        properties.put("promptkit.providers.claude.http.retry.initial-backoff", "100ms");
        properties.put("promptkit.providers.claude.http.retry.max-backoff", "1s");
        properties.put("promptkit.providers.claude.http.retry.max-retry-after", "3s");
        properties.put("promptkit.providers.claude.http.retry.budget-per-second", "100");
        properties.put("promptkit.providers.claude.http.retry.budget-burst", "200");
        properties.put("promptkit.providers.claude.limits.max-answer-chars", "20000");
        properties.put("promptkit.providers.claude.limits.max-answer-tokens", "4000");

        ProviderSpec spec = spec(properties);

        assertThat(spec.name()).isEqualTo("claude");
        assertThat(spec.model()).isEqualTo("claude-x");
        assertThat(spec.option("api-version")).isEqualTo("2024-10-21");
        HttpProviderSettings http = spec.http();
        assertThat(http.apiKey()).isEqualTo("sk-ant-test");
        assertThat(http.baseUrl()).isEqualTo("http://127.0.0.1:9/v1");
        assertThat(http.headers()).containsExactly(Map.entry("x-team", "blue"));
        assertThat(http.connectTimeout()).isEqualTo(Duration.ofSeconds(2));
        assertThat(http.idleTimeout()).isEqualTo(Duration.ofSeconds(45));
        assertThat(http.maxConnections()).isEqualTo(4000);
        assertThat(http.maxIdleTime()).isEqualTo(Duration.ofSeconds(4));
        assertThat(http.maxLifeTime()).isEqualTo(Duration.ofMinutes(2));
        assertThat(http.concurrency()).isEqualTo(ConcurrencyPolicy.limit(64, 128, Duration.ofMillis(250)));
        assertThat(http.retry()).isEqualTo(new RetryPolicy(5, Duration.ofMillis(100), Duration.ofSeconds(1),
                Duration.ofSeconds(3), 100, 200));
        assertThat(spec.limits()).isEqualTo(new AnswerLimits(20_000, 4000));
    }

    @Test
    void whatIsNotSetKeepsPromptKitsDefaults() {
        ProviderSpec spec = spec(Map.of("promptkit.providers.openai.api-key", "sk-test",
                "promptkit.providers.openai.http.retry.max-retries", "0"));

        assertThat(spec.http()).isEqualTo(HttpProviderSettings.builder().apiKey("sk-test")
                .retry(new RetryPolicy(0, RetryPolicy.DEFAULT.initialBackoff(), RetryPolicy.DEFAULT.maxBackoff(),
                        RetryPolicy.DEFAULT.maxRetryAfter(), RetryPolicy.DEFAULT.budgetPerSecond(),
                        RetryPolicy.DEFAULT.budgetBurst())).build());
        assertThat(spec.http().concurrency()).isEqualTo(ConcurrencyPolicy.UNLIMITED);
        assertThat(spec.limits()).isEqualTo(AnswerLimits.DEFAULT);
    }

    @Test
    void theMockTakesItsSettingsTyped() {
        PromptKitProviderProperties.Mock mock = new PromptKitProviderProperties.Mock(true,
                "classpath:shop-mock.yaml", 7, Duration.ofMillis(15));

        ProviderSpec spec = ConfiguredProviderSpec.mock("mock", mock);

        assertThat(spec.type()).isEqualTo("mock");
        assertThat(spec.options()).containsOnly(Map.entry("chunk-size", 7),
                Map.entry("chunk-delay", Duration.ofMillis(15)), Map.entry("script", "classpath:shop-mock.yaml"));
    }

    private static ProviderSpec spec(Map<String, String> properties) {
        PromptKitProviderProperties bound = new Binder(new MapConfigurationPropertySource(properties))
                .bind("promptkit", PromptKitProviderProperties.class).get();
        Map.Entry<String, PromptKitProviderProperties.Provider> provider = bound.providers().entrySet().iterator()
                .next();
        return ConfiguredProviderSpec.of(provider.getKey(), "anthropic", provider.getValue(),
                ConfiguredProviderSpecTests.class.getClassLoader());
    }
}
