/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.provider;

import static org.assertj.core.api.Assertions.assertThat;

import dev.promptkit.provider.http.ConcurrencyPolicy;
import dev.promptkit.provider.http.HttpProvider;
import dev.promptkit.provider.http.HttpProviderSettings;
import dev.promptkit.provider.http.RetryPolicy;
import dev.promptkit.types.Message;
import java.time.Duration;
import java.util.List;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

class ProviderSpecTests {

    @Test
    void withoutHttpSettingsEverySettingKeepsItsDefault() {
        ProviderSpec spec = ProviderSpec.builder("primary", "openai").apiKey("sk-test")
                .baseUrl("http://127.0.0.1:9/v1/").build();

        HttpProviderSettings http = spec.http();
        assertThat(http.connectTimeout()).isEqualTo(HttpProviderSettings.DEFAULT_CONNECT_TIMEOUT);
        assertThat(http.idleTimeout()).isEqualTo(HttpProviderSettings.DEFAULT_IDLE_TIMEOUT);
        assertThat(http.maxConnections()).isEqualTo(HttpProviderSettings.DEFAULT_MAX_CONNECTIONS);
        assertThat(http.maxIdleTime()).isEqualTo(HttpProviderSettings.DEFAULT_MAX_IDLE_TIME);
        assertThat(http.maxLifeTime()).isEqualTo(HttpProviderSettings.DEFAULT_MAX_LIFE_TIME);
        assertThat(http.retry()).isEqualTo(RetryPolicy.DEFAULT);
        assertThat(http.concurrency()).isEqualTo(ConcurrencyPolicy.UNLIMITED);
        assertThat(spec.limits()).isEqualTo(AnswerLimits.DEFAULT);
        assertThat(spec.apiKey()).isEqualTo("sk-test");
        assertThat(spec.baseUrl()).as("the trailing slash dropped").isEqualTo("http://127.0.0.1:9/v1");
    }

    @Test
    void theHttpSettingsAndLimitsReachTheProvider() throws Exception {
        try (MockWebServer server = new MockWebServer()) {
            server.start();
            for (int i = 0; i < 3; i++) {
                server.enqueue(new MockResponse.Builder().code(503).addHeader("Content-Type", "application/json")
                        .body("{\"error\":{\"message\":\"overloaded\"}}").build());
            }
            ProviderSpec spec = ProviderSpec.builder("primary", "openai").apiKey("sk-test")
                    .baseUrl(server.url("/v1").toString()).limits(new AnswerLimits(20_000, 4000))
                    .http(http -> http.retry(RetryPolicy.DISABLED).maxConnections(4000)).build();
            Provider provider = ProviderFactories.discover().create(spec);

            assertThat(((HttpProvider) provider).answerLimits()).isEqualTo(new AnswerLimits(20_000, 4000));
            StepVerifier.create(provider.stream(ProviderRequest.of("gpt-4o", null, List.of(Message.user("Hi")))))
                    .verifyErrorMatches(failure -> ((ProviderException) failure).statusCode() == 503);
            assertThat(server.getRequestCount()).as("retries are off: the default would have made three calls")
                    .isEqualTo(1);
        }
    }

    @Test
    void theLimitsBoundTheMockToo() {
        Provider mock = ProviderFactories.discover().create(ProviderSpec.builder("scripted", "mock")
                .limits(new AnswerLimits(10, 10)).build());

        StepVerifier.create(mock.stream(ProviderRequest.of(null, null, List.of(Message.user("Hi")))))
                .as("the mock's 'Mock response from scripted (mock-model)' is longer than 10 characters")
                .verifyErrorMatches(failure -> ((ProviderException) failure).kind()
                        == ProviderException.Kind.ANSWER_TOO_LARGE);
    }

    @Test
    void theMocksOptionsMayBeTypedOrText() {
        Provider typed = ProviderFactories.discover().create(ProviderSpec.builder("typed", "mock")
                .option("chunk-size", 5).option("chunk-delay", Duration.ofMillis(1)).build());
        Provider text = ProviderFactories.discover().create(ProviderSpec.builder("text", "mock")
                .option("chunk-size", "5").option("chunk-delay", "1ms").build());

        assertThat(textChunks(typed)).isEqualTo(textChunks(text))
                .as("'Mock response from typed (mock-model)' in chunks of 5").isEqualTo(8);
    }

    @Test
    void theSpecNeverShowsTheApiKey() {
        assertThat(ProviderSpec.of("openai", "sk-secret-123", null).toString()).doesNotContain("sk-secret-123")
                .contains("apiKey=******");
    }

    private static long textChunks(Provider provider) {
        return provider.stream(ProviderRequest.of(null, null, List.of(Message.user("Hi"))))
                .filter(ProviderChunk::isText).count().block(Duration.ofSeconds(10));
    }
}
