/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.provider.http;

import java.time.Duration;
import java.util.Objects;

/**
 * When and how soon a failed call is tried again. Only failures that happen before any chunk reached
 * the caller are retried: rate limits and transient server errors (HTTP 429, 500, 502, 503, 504) and
 * failed or dropped connections. The delay before retry {@code n} (0-based) is drawn with full jitter
 * from {@code [0, min(maxBackoff, initialBackoff * 2^n)]}, unless the server sent {@code Retry-After},
 * which is then honoured up to {@code maxRetryAfter}.
 *
 * <p>Retries of one provider also share a token bucket, the retry budget, so that an outage does not
 * multiply the load: each retry takes a token, tokens refill at {@code budgetPerSecond} up to
 * {@code budgetBurst}, and an empty bucket ends the call with the original error. A
 * {@code budgetBurst} of 0 means no budget.
 *
 * @param maxRetries retries after the first attempt; 0 disables retrying
 * @param initialBackoff the upper bound of the first delay
 * @param maxBackoff the largest upper bound of any delay
 * @param maxRetryAfter the longest {@code Retry-After} honoured; longer values are cut to it
 * @param budgetPerSecond how fast the retry budget refills
 * @param budgetBurst how many retries the budget holds; 0 for no budget
 *
 * @since 0.1.0
 */
public record RetryPolicy(int maxRetries, Duration initialBackoff, Duration maxBackoff, Duration maxRetryAfter,
        double budgetPerSecond, int budgetBurst) {

    /** Two retries, 250 ms to 2 s full-jitter backoff, Retry-After up to 10 s, budget 5/s with burst 10. */
    public static final RetryPolicy DEFAULT = new RetryPolicy(2, Duration.ofMillis(250), Duration.ofSeconds(2),
            Duration.ofSeconds(10), 5, 10);

    /** No retries. */
    public static final RetryPolicy DISABLED = new RetryPolicy(0, Duration.ZERO, Duration.ZERO, Duration.ZERO, 0, 0);

    public RetryPolicy {
        Objects.requireNonNull(initialBackoff, "initialBackoff");
        Objects.requireNonNull(maxBackoff, "maxBackoff");
        Objects.requireNonNull(maxRetryAfter, "maxRetryAfter");
        if (maxRetries < 0 || budgetPerSecond < 0 || budgetBurst < 0) {
            throw new IllegalArgumentException("retry settings must not be negative");
        }
    }

    /**
     * The delay before retry {@code retry} (0 for the first retry).
     *
     * @param retryAfter what the server asked for, or {@code null}
     * @param random a uniformly drawn number in {@code [0, 1)}
     */
    public Duration delay(int retry, Duration retryAfter, double random) {
        if (retryAfter != null) {
            return retryAfter.compareTo(maxRetryAfter) > 0 ? maxRetryAfter : retryAfter;
        }
        long ceiling = maxBackoff.toNanos();
        long bound = initialBackoff.toNanos();
        for (int i = 0; i < retry && bound < ceiling; i++) {
            bound *= 2;
        }
        return Duration.ofNanos((long) (Math.min(bound, ceiling) * random));
    }
}
