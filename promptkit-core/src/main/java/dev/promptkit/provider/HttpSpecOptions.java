/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.provider;

import dev.promptkit.provider.http.ConcurrencyPolicy;
import dev.promptkit.provider.http.HttpProviderSettings;
import dev.promptkit.provider.http.RetryPolicy;
import java.time.Duration;
import java.util.function.Function;

/**
 * Reads the HTTP options of a {@link ProviderSpec} into {@link HttpProviderSettings}, for every HTTP provider
 * type. Each is optional; an unset one keeps its default:
 *
 * <table>
 * <caption>HTTP options</caption>
 * <tr><td>{@code http.connect-timeout}, {@code http.idle-timeout}</td><td>durations ("10s", "500ms", ISO-8601)</td></tr>
 * <tr><td>{@code http.max-connections}</td><td>the connection pool's size (each streamed call holds one)</td></tr>
 * <tr><td>{@code http.max-idle-time}, {@code http.max-life-time}</td><td>positive durations: how long a pooled
 *     connection may stay unused, and be used at all</td></tr>
 * <tr><td>{@code http.max-in-flight}, {@code http.max-queued}, {@code http.max-queue-wait}</td><td>the
 *     concurrency limit: calls at once (0: none), calls waiting for a slot, and for how long</td></tr>
 * <tr><td>{@code http.retry.max-retries}, {@code http.retry.initial-backoff}, {@code http.retry.max-backoff},
 *     {@code http.retry.max-retry-after}, {@code http.retry.budget-per-second},
 *     {@code http.retry.budget-burst}</td><td>the {@link RetryPolicy}</td></tr>
 * </table>
 *
 * It also reads the {@link AnswerLimits} of any provider type: {@code limits.max-answer-chars} and
 * {@code limits.max-answer-tokens}.
 */
final class HttpSpecOptions {

    private static final String PREFIX = "http.";
    private static final String LIMITS_PREFIX = "limits.";

    private final ProviderSpec spec;

    private HttpSpecOptions(ProviderSpec spec) {
        this.spec = spec;
    }

    /** The spec's base URL, key, headers and HTTP options as settings. */
    static HttpProviderSettings settings(ProviderSpec spec) {
        HttpSpecOptions options = new HttpSpecOptions(spec);
        HttpProviderSettings.Builder builder = HttpProviderSettings.builder().baseUrl(spec.baseUrl())
                .apiKey(spec.apiKey()).headers(spec.headers())
                .connectTimeout(options.duration("connect-timeout", null))
                .idleTimeout(options.duration("idle-timeout", null))
                .maxConnections(options.integer("max-connections", 0))
                .maxIdleTime(options.positiveDuration("max-idle-time"))
                .maxLifeTime(options.positiveDuration("max-life-time"))
                .retry(options.retry());
        ConcurrencyPolicy concurrency = options.concurrency();
        return (concurrency == null ? builder : builder.concurrency(concurrency)).build();
    }

    private RetryPolicy retry() {
        RetryPolicy defaults = RetryPolicy.DEFAULT;
        return new RetryPolicy(integer("retry.max-retries", defaults.maxRetries()),
                duration("retry.initial-backoff", defaults.initialBackoff()),
                duration("retry.max-backoff", defaults.maxBackoff()),
                duration("retry.max-retry-after", defaults.maxRetryAfter()),
                number("retry.budget-per-second", defaults.budgetPerSecond()),
                integer("retry.budget-burst", defaults.budgetBurst()));
    }

    /** The concurrency limit, or {@code null} for none when {@code http.max-in-flight} is unset or 0. */
    private ConcurrencyPolicy concurrency() {
        int maxInFlight = integer("max-in-flight", 0);
        int maxQueued = integer("max-queued", 0);
        Duration maxQueueWait = duration("max-queue-wait", Duration.ZERO);
        return maxInFlight == 0 ? null : ConcurrencyPolicy.limit(maxInFlight, maxQueued, maxQueueWait);
    }

    private Duration duration(String key, Duration fallback) {
        return parsed(key, fallback, BuiltInProviderFactories::parseDuration, "a duration such as 10s or 500ms");
    }

    /** A duration that must be more than zero, or {@code null} when unset. */
    private Duration positiveDuration(String key) {
        return parsed(key, null, text -> {
            Duration value = BuiltInProviderFactories.parseDuration(text);
            if (value.isZero() || value.isNegative()) {
                throw new IllegalArgumentException();
            }
            return value;
        }, "a positive duration such as 20s or 500ms");
    }

    private int integer(String key, int fallback) {
        return parsed(key, fallback, text -> {
            int value = Integer.parseInt(text);
            if (value < 0) {
                throw new IllegalArgumentException();
            }
            return value;
        }, "a whole number of 0 or more");
    }

    private double number(String key, double fallback) {
        return parsed(key, fallback, text -> {
            double value = Double.parseDouble(text);
            if (value < 0 || Double.isNaN(value)) {
                throw new IllegalArgumentException();
            }
            return value;
        }, "a number of 0 or more");
    }

    /**
     * The spec's {@code limits.max-answer-chars} and {@code limits.max-answer-tokens} (whole numbers of 1 or more),
     * for any provider type, the mock's too.
     */
    static AnswerLimits answerLimits(ProviderSpec spec) {
        HttpSpecOptions options = new HttpSpecOptions(spec);
        return new AnswerLimits(options.limit("max-answer-chars", AnswerLimits.DEFAULT_MAX_CHARS),
                options.limit("max-answer-tokens", AnswerLimits.DEFAULT_MAX_TOKENS));
    }

    private int limit(String key, int fallback) {
        return option(LIMITS_PREFIX + key, fallback, text -> {
            int value = Integer.parseInt(text);
            if (value < 1) {
                throw new IllegalArgumentException();
            }
            return value;
        }, "a whole number of 1 or more");
    }

    private <T> T parsed(String key, T fallback, Function<String, T> parser, String expected) {
        return option(PREFIX + key, fallback, parser, expected);
    }

    private <T> T option(String name, T fallback, Function<String, T> parser, String expected) {
        String text = spec.option(name);
        if (text == null || text.isBlank()) {
            return fallback;
        }
        try {
            return parser.apply(text.trim());
        }
        catch (RuntimeException unparsable) {
            // the message says all there is: the parser's own exception would only repeat the value
            throw new IllegalArgumentException("provider '" + spec.name() + "': option " + name + " must be "
                    + expected + ", was '" + text + "'");
        }
    }
}
