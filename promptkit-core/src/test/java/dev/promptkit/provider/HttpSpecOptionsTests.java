/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.provider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import dev.promptkit.provider.http.ConcurrencyPolicy;
import dev.promptkit.provider.http.HttpProviderSettings;
import dev.promptkit.provider.http.RetryPolicy;
import dev.promptkit.types.Message;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

class HttpSpecOptionsTests {

    @Test
    void withoutHttpOptionsEverySettingKeepsItsDefault() {
        HttpProviderSettings settings = HttpSpecOptions.settings(spec(Map.of()));

        assertThat(settings.connectTimeout()).isEqualTo(HttpProviderSettings.DEFAULT_CONNECT_TIMEOUT);
        assertThat(settings.idleTimeout()).isEqualTo(HttpProviderSettings.DEFAULT_IDLE_TIMEOUT);
        assertThat(settings.maxConnections()).isEqualTo(HttpProviderSettings.DEFAULT_MAX_CONNECTIONS);
        assertThat(settings.maxIdleTime()).isEqualTo(Duration.ofSeconds(20));
        assertThat(settings.maxLifeTime()).isEqualTo(Duration.ofMinutes(5));
        assertThat(settings.retry()).isEqualTo(RetryPolicy.DEFAULT);
        assertThat(settings.concurrency()).isEqualTo(ConcurrencyPolicy.UNLIMITED);
        assertThat(settings.apiKey()).isEqualTo("sk-test");
        assertThat(settings.baseUrl()).isEqualTo("http://127.0.0.1:9/v1");
    }

    @Test
    void httpOptionsSetTimeoutsPoolConcurrencyAndRetries() {
        HttpProviderSettings settings = HttpSpecOptions.settings(spec(Map.of("http.connect-timeout", "2s",
                "http.idle-timeout", "PT45S", "http.max-connections", 4000, "http.max-in-flight", "64",
                "http.max-queued", "128", "http.max-queue-wait", "250ms", "http.retry.max-retries", "5",
                "http.retry.budget-per-second", "100", "http.retry.budget-burst", "200")));

        assertThat(settings.connectTimeout()).isEqualTo(Duration.ofSeconds(2));
        assertThat(settings.idleTimeout()).isEqualTo(Duration.ofSeconds(45));
        assertThat(settings.maxConnections()).isEqualTo(4000);
        assertThat(settings.concurrency()).isEqualTo(ConcurrencyPolicy.limit(64, 128, Duration.ofMillis(250)));
        assertThat(settings.retry().maxRetries()).isEqualTo(5);
        assertThat(settings.retry().budgetPerSecond()).isEqualTo(100.0);
        assertThat(settings.retry().budgetBurst()).isEqualTo(200);
        assertThat(settings.retry().initialBackoff()).isEqualTo(RetryPolicy.DEFAULT.initialBackoff());
    }

    @Test
    void httpOptionsSetHowLongPooledConnectionsLive() {
        HttpProviderSettings settings = HttpSpecOptions.settings(spec(Map.of("http.max-idle-time", "4s",
                "http.max-life-time", "PT2M")));

        assertThat(settings.maxIdleTime()).isEqualTo(Duration.ofSeconds(4));
        assertThat(settings.maxLifeTime()).isEqualTo(Duration.ofMinutes(2));
    }

    @Test
    void aBadValueIsRejectedNamingTheProviderTheOptionAndTheValue() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> HttpSpecOptions.settings(spec(Map.of("http.max-connections", "lots"))))
                .withMessage("provider 'primary': option http.max-connections must be a whole number of 0 or more,"
                        + " was 'lots'");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> HttpSpecOptions.settings(spec(Map.of("http.max-connections", -5))))
                .withMessageContaining("option http.max-connections must be a whole number of 0 or more, was '-5'");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> HttpSpecOptions.settings(spec(Map.of("http.retry.max-retries", "-1"))))
                .withMessageContaining("option http.retry.max-retries");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> HttpSpecOptions.settings(spec(Map.of("http.idle-timeout", "soon"))))
                .withMessageContaining("must be a duration such as 10s or 500ms, was 'soon'");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> HttpSpecOptions.settings(spec(Map.of("http.max-idle-time", "0ms"))))
                .withMessage("provider 'primary': option http.max-idle-time must be a positive duration such as 20s"
                        + " or 500ms, was '0ms'");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> HttpSpecOptions.settings(spec(Map.of("http.max-life-time", "-5000ms"))))
                .withMessageContaining("option http.max-life-time must be a positive duration");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> HttpSpecOptions.settings(spec(Map.of("http.max-life-time", "forever"))))
                .withMessageContaining("option http.max-life-time must be a positive duration");
    }

    @Test
    void limitOptionsSetTheAnswerLimitsOfAnyProviderType() {
        assertThat(HttpSpecOptions.answerLimits(spec(Map.of()))).isEqualTo(AnswerLimits.DEFAULT);
        assertThat(HttpSpecOptions.answerLimits(spec(Map.of("limits.max-answer-chars", "20000",
                "limits.max-answer-tokens", 4000)))).isEqualTo(new AnswerLimits(20_000, 4000));
        assertThatIllegalArgumentException()
                .isThrownBy(() -> HttpSpecOptions.answerLimits(spec(Map.of("limits.max-answer-chars", "0"))))
                .withMessage("provider 'primary': option limits.max-answer-chars must be a whole number of 1 or more,"
                        + " was '0'");
        Provider mock = ProviderFactories.discover().create(new ProviderSpec("scripted", "mock", null, null, null,
                null, Map.of("limits.max-answer-chars", "10")));
        StepVerifier.create(mock.stream(ProviderRequest.of(null, null, List.of(Message.user("Hi")))))
                .as("the mock's 'Mock response from scripted (mock-model)' is longer than 10 characters")
                .verifyErrorMatches(failure -> ((ProviderException) failure).kind()
                        == ProviderException.Kind.ANSWER_TOO_LARGE);
    }

    @Test
    void theErrorNeverShowsTheApiKey() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> HttpSpecOptions.settings(spec(Map.of("http.max-queued", "x"))))
                .withMessageNotContaining("sk-test");
    }

    private static ProviderSpec spec(Map<String, Object> options) {
        return new ProviderSpec("primary", "openai", "sk-test", "http://127.0.0.1:9/v1", null, null, options);
    }
}
