/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.provider.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class RetryBudgetTests {

    private final AtomicLong nanos = new AtomicLong();

    @Test
    void allowsABurstThenRefillsAtTheConfiguredRate() {
        RetryBudget budget = new RetryBudget(policy(5, 10), nanos::get);
        for (int i = 0; i < 10; i++) {
            assertThat(budget.tryAcquire()).as("retry %d", i).isTrue();
        }
        assertThat(budget.tryAcquire()).isFalse();

        advance(Duration.ofMillis(199));
        assertThat(budget.tryAcquire()).isFalse();
        advance(Duration.ofMillis(1));
        assertThat(budget.tryAcquire()).isTrue();
        assertThat(budget.tryAcquire()).isFalse();
    }

    @Test
    void neverHoldsMoreThanTheBurst() {
        RetryBudget budget = new RetryBudget(policy(5, 2), nanos::get);
        advance(Duration.ofHours(1));

        assertThat(budget.tryAcquire()).isTrue();
        assertThat(budget.tryAcquire()).isTrue();
        assertThat(budget.tryAcquire()).isFalse();
    }

    @Test
    void aBurstOfZeroMeansNoBudget() {
        RetryBudget budget = new RetryBudget(policy(0, 0), nanos::get);

        for (int i = 0; i < 1_000; i++) {
            assertThat(budget.tryAcquire()).isTrue();
        }
    }

    private void advance(Duration duration) {
        nanos.addAndGet(duration.toNanos());
    }

    private static RetryPolicy policy(double perSecond, int burst) {
        return new RetryPolicy(2, Duration.ofMillis(250), Duration.ofSeconds(2), Duration.ofSeconds(10), perSecond,
                burst);
    }
}
