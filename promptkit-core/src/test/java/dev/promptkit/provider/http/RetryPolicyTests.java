/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.provider.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class RetryPolicyTests {

    private final RetryPolicy policy = RetryPolicy.DEFAULT;

    @Test
    void drawsFullJitterFromAnExponentiallyGrowingBound() {
        assertThat(policy.delay(0, null, 0.5)).isEqualTo(Duration.ofMillis(125));
        assertThat(policy.delay(1, null, 0.5)).isEqualTo(Duration.ofMillis(250));
        assertThat(policy.delay(2, null, 0.5)).isEqualTo(Duration.ofMillis(500));
        assertThat(policy.delay(2, null, 0.0)).isZero();
        assertThat(policy.delay(2, null, 0.75)).isEqualTo(Duration.ofMillis(750));
    }

    @Test
    void capsTheBoundAtTheMaximumBackoff() {
        assertThat(policy.delay(3, null, 0.5)).isEqualTo(Duration.ofSeconds(1));
        assertThat(policy.delay(4, null, 0.5)).isEqualTo(Duration.ofSeconds(1));
        assertThat(policy.delay(1_000, null, 0.999)).isLessThan(Duration.ofSeconds(2));
    }

    @Test
    void honoursRetryAfterUpToItsCap() {
        assertThat(policy.delay(0, Duration.ofSeconds(3), 0.5)).isEqualTo(Duration.ofSeconds(3));
        assertThat(policy.delay(0, Duration.ofMinutes(5), 0.5)).isEqualTo(Duration.ofSeconds(10));
        assertThat(policy.delay(0, Duration.ZERO, 0.5)).isZero();
    }
}
