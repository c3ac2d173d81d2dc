/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.provider.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class HttpProviderSettingsTests {

    private static final String API_KEY = "sk-test-0123456789abcdef";

    @Test
    void fillsInDefaults() {
        HttpProviderSettings settings = HttpProviderSettings.builder().build();

        assertThat(settings.baseUrl()).isNull();
        assertThat(settings.hasApiKey()).isFalse();
        assertThat(settings.idleTimeout()).isEqualTo(HttpProviderSettings.DEFAULT_IDLE_TIMEOUT);
        assertThat(settings.maxLineBytes()).isEqualTo(SseEventReader.DEFAULT_MAX_LINE_BYTES);
        assertThat(settings.retry()).isEqualTo(RetryPolicy.DEFAULT);
        assertThat(settings.concurrency()).isEqualTo(ConcurrencyPolicy.UNLIMITED);
        assertThat(settings.maxConnections()).isEqualTo(5000);
        assertThat(settings.maxIdleTime()).isEqualTo(HttpProviderSettings.DEFAULT_MAX_IDLE_TIME);
        assertThat(settings.maxLifeTime()).isEqualTo(HttpProviderSettings.DEFAULT_MAX_LIFE_TIME);
        assertThat(HttpProviderSettings.builder().maxIdleTime(Duration.ZERO).maxLifeTime(Duration.ofSeconds(-1))
                .build()).satisfies(unset -> {
                    assertThat(unset.maxIdleTime()).isEqualTo(HttpProviderSettings.DEFAULT_MAX_IDLE_TIME);
                    assertThat(unset.maxLifeTime()).isEqualTo(HttpProviderSettings.DEFAULT_MAX_LIFE_TIME);
                });
        assertThat(settings.withDefaultBaseUrl("https://api.example.com/v1/").baseUrl())
                .isEqualTo("https://api.example.com/v1");
    }

    @Test
    void keepsAConfiguredBaseUrl() {
        HttpProviderSettings settings = HttpProviderSettings.builder().baseUrl("http://localhost:8080/").build();

        assertThat(settings.withDefaultBaseUrl("https://api.example.com/v1").baseUrl())
                .isEqualTo("http://localhost:8080");
    }

    @Test
    void neverPrintsTheApiKeyOrHeaderValues() {
        HttpProviderSettings settings = HttpProviderSettings.builder().apiKey(API_KEY)
                .header("X-Gateway-Token", "secret-token").build();
        StreamRequest request = new StreamRequest("/chat", null, Map.of("Authorization", "Bearer " + API_KEY),
                JsonMapper.shared().createObjectNode());

        assertThat(settings.toString()).doesNotContain(API_KEY).doesNotContain("secret-token")
                .contains("apiKey=******").contains("X-Gateway-Token");
        assertThat(request.toString()).doesNotContain(API_KEY).contains("Authorization");
    }
}
