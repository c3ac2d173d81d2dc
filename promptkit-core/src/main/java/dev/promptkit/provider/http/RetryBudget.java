/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.provider.http;

import java.util.function.LongSupplier;

/**
 * The token bucket that caps retries across all calls of one provider (the gRPC retry-throttling
 * pattern): each retry takes a token, tokens refill continuously at a fixed rate up to the burst size,
 * and taking never waits. A burst of 0 means no budget: every retry is allowed.
 */
final class RetryBudget {

    private final double perNano;
    private final int burst;
    private final LongSupplier nanoClock;
    private double tokens;
    private long refilledAt;

    RetryBudget(RetryPolicy policy, LongSupplier nanoClock) {
        this.perNano = policy.budgetPerSecond() / 1e9;
        this.burst = policy.budgetBurst();
        this.nanoClock = nanoClock;
        this.tokens = burst;
        this.refilledAt = nanoClock.getAsLong();
    }

    /** Takes a token if one is left. */
    synchronized boolean tryAcquire() {
        if (burst == 0) {
            return true;
        }
        long now = nanoClock.getAsLong();
        tokens = Math.min(burst, tokens + (now - refilledAt) * perNano);
        refilledAt = now;
        if (tokens < 1) {
            return false;
        }
        tokens -= 1;
        return true;
    }
}
