/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.autoconfigure.provider;

import dev.promptkit.provider.AnswerLimits;
import dev.promptkit.provider.ProviderSpec;
import dev.promptkit.provider.http.ConcurrencyPolicy;
import dev.promptkit.provider.http.HttpProviderSettings;
import dev.promptkit.provider.http.RetryPolicy;
import dev.promptkit.provider.openai.OpenAiApi;
import dev.promptkit.provider.openai.OpenAiProvider;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import org.springframework.boot.convert.DurationStyle;

/**
 * The {@link ProviderSpec} of one {@code promptkit.providers.<name>} entry, its {@code http.*} and {@code limits.*}
 * properties carried as they are typed into the spec's {@link HttpProviderSettings} and {@link AnswerLimits}; an
 * unset one keeps PromptKit's default; its {@code api} (openai only) as the {@code api} option. A value out of range
 * or not among the valid values fails with a {@link ProviderConfigurationException}
 * naming the property, what it must be and what it was.
 */
final class ConfiguredProviderSpec {

    private final String prefix;

    private ConfiguredProviderSpec(String name) {
        this.prefix = "promptkit.providers." + name + ".";
    }

    /**
     * The spec of provider {@code name} of type {@code type}, with its cloud platform (if any) as the
     * {@code platform} option.
     *
     * @param classLoader where the platform's optional library is looked for
     */
    static ProviderSpec of(String name, String type, PromptKitProviderProperties.Provider config,
            ClassLoader classLoader) {
        ConfiguredProviderSpec checked = new ConfiguredProviderSpec(name);
        String apiKey = ConfiguredPlatform.apiKey(name, config.platform(), config.apiKey());
        ProviderSpec.Builder spec = ProviderSpec.builder(name, type).apiKey(apiKey).baseUrl(config.baseUrl())
                .model(config.model()).headers(config.headers()).options(config.options())
                .http(settings -> checked.http(config.http(), settings)).limits(checked.limits(config.limits()));
        if (config.api() != null) {
            spec.option("api", checked.api(type, config.api()));
        }
        if (config.platform() != null) {
            spec.option("platform", ConfiguredPlatform.of(name, type, config.platform(), apiKey, classLoader));
        }
        return spec.build();
    }

    /** The spec of the mock provider, under {@code name}, from {@code promptkit.mock.*}. */
    static ProviderSpec mock(String name, PromptKitProviderProperties.Mock mock) {
        ProviderSpec.Builder spec = ProviderSpec.builder(name, "mock").option("chunk-size", mock.chunkSize())
                .option("chunk-delay", mock.chunkDelay());
        return (mock.script() != null ? spec.option("script", mock.script()) : spec).build();
    }

    private void http(PromptKitProviderProperties.Http http, HttpProviderSettings.Builder settings) {
        settings.connectTimeout(positive(http.connectTimeout(), "http.connect-timeout"))
                .idleTimeout(positive(http.idleTimeout(), "http.idle-timeout"))
                .maxIdleTime(positive(http.maxIdleTime(), "http.max-idle-time"))
                .maxLifeTime(positive(http.maxLifeTime(), "http.max-life-time"))
                .retry(retry(http.retry()));
        if (http.maxConnections() != null) {
            settings.maxConnections(atLeast(http.maxConnections(), 1, "http.max-connections"));
        }
        int maxInFlight = atLeast(or(http.maxInFlight(), 0), 0, "http.max-in-flight");
        int maxQueued = atLeast(or(http.maxQueued(), 0), 0, "http.max-queued");
        Duration maxQueueWait = notNegative(or(http.maxQueueWait(), Duration.ZERO), "http.max-queue-wait");
        if (maxInFlight > 0) {
            settings.concurrency(ConcurrencyPolicy.limit(maxInFlight, maxQueued, maxQueueWait));
        }
    }

    /** The {@code api} of an openai provider, one of {@link OpenAiApi#configurationValues()}. */
    private String api(String type, String api) {
        String property = prefix + "api";
        List<String> valid = OpenAiApi.configurationValues();
        if (!OpenAiProvider.TYPE.equals(type)) {
            throw new ProviderConfigurationException(property, property + " is only read by providers of type "
                    + "openai, and this one is of type " + type + ".", "Remove " + property + ".", null);
        }
        String value = api.trim().toLowerCase(Locale.ROOT);
        if (!valid.contains(value)) {
            throw new ProviderConfigurationException(property, property + " must be one of " + String.join(", ", valid)
                    + ", was '" + api + "'.", "Set " + property + " to one of " + String.join(", ", valid)
                    + ", or remove it to choose the API by model and base URL.", null);
        }
        return value;
    }

    private RetryPolicy retry(PromptKitProviderProperties.Retry retry) {
        RetryPolicy defaults = RetryPolicy.DEFAULT;
        return new RetryPolicy(atLeast(or(retry.maxRetries(), defaults.maxRetries()), 0, "http.retry.max-retries"),
                notNegative(or(retry.initialBackoff(), defaults.initialBackoff()), "http.retry.initial-backoff"),
                notNegative(or(retry.maxBackoff(), defaults.maxBackoff()), "http.retry.max-backoff"),
                notNegative(or(retry.maxRetryAfter(), defaults.maxRetryAfter()), "http.retry.max-retry-after"),
                budget(or(retry.budgetPerSecond(), defaults.budgetPerSecond())),
                atLeast(or(retry.budgetBurst(), defaults.budgetBurst()), 0, "http.retry.budget-burst"));
    }

    private AnswerLimits limits(PromptKitProviderProperties.Limits limits) {
        return new AnswerLimits(
                atLeast(or(limits.maxAnswerChars(), AnswerLimits.DEFAULT_MAX_CHARS), 1, "limits.max-answer-chars"),
                atLeast(or(limits.maxAnswerTokens(), AnswerLimits.DEFAULT_MAX_TOKENS), 1, "limits.max-answer-tokens"));
    }

    private static <T> T or(T value, T fallback) {
        return value != null ? value : fallback;
    }

    /** {@code value} (or {@code null}, for the default), which must be more than zero. */
    private Duration positive(Duration value, String option) {
        return check(value, value == null || (!value.isZero() && !value.isNegative()), option,
                "a positive duration", DurationStyle.SIMPLE::print);
    }

    private Duration notNegative(Duration value, String option) {
        return check(value, !value.isNegative(), option, "a duration of 0 or more", DurationStyle.SIMPLE::print);
    }

    private int atLeast(int value, int min, String option) {
        return check(value, value >= min, option, "a whole number of " + min + " or more", String::valueOf);
    }

    private double budget(double value) {
        return check(value, value >= 0 && !Double.isNaN(value), "http.retry.budget-per-second", "a number of 0 or more",
                String::valueOf);
    }

    private <T> T check(T value, boolean valid, String option, String expected, Function<T, String> text) {
        if (!valid) {
            String property = prefix + option;
            throw new ProviderConfigurationException(property, property + " must be " + expected + ", was "
                    + text.apply(value) + ".", "Set " + property + " to " + expected + ", or remove it to keep "
                    + "PromptKit's default.", null);
        }
        return value;
    }
}
