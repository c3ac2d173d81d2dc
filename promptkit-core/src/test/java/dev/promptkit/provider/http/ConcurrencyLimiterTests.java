/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.provider.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.promptkit.provider.ProviderException;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reactor.core.Disposable;
import reactor.test.StepVerifier;
import reactor.test.scheduler.VirtualTimeScheduler;

class ConcurrencyLimiterTests {

    private final VirtualTimeScheduler timer = VirtualTimeScheduler.create();
    private final RecordingListener listener = new RecordingListener();

    @AfterEach
    void disposeTimer() {
        timer.dispose();
    }

    @Test
    void grantsSlotsUpToTheLimitAndCountsThem() {
        ConcurrencyLimiter limiter = limiter(ConcurrencyPolicy.limit(2, 0, Duration.ZERO));

        ConcurrencyLimiter.Permit first = acquired(limiter);
        acquired(limiter);

        assertThat(limiter.inFlight()).isEqualTo(2);
        first.release();
        assertThat(limiter.inFlight()).isEqualTo(1);
    }

    @Test
    void rejectsAtOnceWhenFullAndTheQueueIsFull() {
        ConcurrencyLimiter limiter = limiter(ConcurrencyPolicy.limit(1, 1, Duration.ofSeconds(5)));
        acquired(limiter);
        limiter.newPermit().acquire().subscribe();

        StepVerifier.create(limiter.newPermit().acquire())
                .verifyErrorSatisfies(error -> assertThat(error).isInstanceOf(ProviderException.class)
                        .hasMessageContaining("Provider 'test'").hasMessageContaining("concurrency limit of 1")
                        .satisfies(e -> assertThat(((ProviderException) e).retryable()).isFalse()));
        assertThat(listener.heard()).containsExactly("rejected QUEUE_FULL");
    }

    @Test
    void handsAFreedSlotToTheLongestWaitingCall() {
        ConcurrencyLimiter limiter = limiter(ConcurrencyPolicy.limit(1, 2, Duration.ofSeconds(5)));
        ConcurrencyLimiter.Permit holder = acquired(limiter);
        StringBuilder order = new StringBuilder();
        ConcurrencyLimiter.Permit first = limiter.newPermit();
        ConcurrencyLimiter.Permit second = limiter.newPermit();
        first.acquire().subscribe(null, null, () -> order.append("first "));
        second.acquire().subscribe(null, null, () -> order.append("second "));
        assertThat(limiter.queued()).isEqualTo(2);

        holder.release();
        assertThat(order).hasToString("first ");
        first.release();
        assertThat(order).hasToString("first second ");
        second.release();

        assertThat(limiter.inFlight()).isZero();
        assertThat(limiter.queued()).isZero();
    }

    @Test
    void failsAWaitingCallAfterTheMaximumWait() {
        ConcurrencyLimiter limiter = limiter(ConcurrencyPolicy.limit(1, 1, Duration.ofSeconds(5)));
        acquired(limiter);

        StepVerifier.create(limiter.newPermit().acquire())
                .then(() -> timer.advanceTimeBy(Duration.ofSeconds(5)))
                .verifyErrorSatisfies(error -> assertThat(error).hasMessageContaining("no slot freed within"));
        assertThat(listener.heard()).containsExactly("rejected WAIT_TIMEOUT");
        assertThat(limiter.queued()).isZero();
    }

    @Test
    void releasesExactlyOnceHoweverOftenReleaseIsCalled() {
        ConcurrencyLimiter limiter = limiter(ConcurrencyPolicy.limit(1, 1, Duration.ofSeconds(5)));
        ConcurrencyLimiter.Permit holder = acquired(limiter);
        ConcurrencyLimiter.Permit waiter = limiter.newPermit();
        waiter.acquire().subscribe();

        holder.release();
        holder.release();

        assertThat(limiter.inFlight()).isEqualTo(1);
        waiter.release();
        waiter.release();
        assertThat(limiter.inFlight()).isZero();
    }

    @Test
    void aCancelledWaiterLeavesTheQueueAndIsNeverGranted() {
        ConcurrencyLimiter limiter = limiter(ConcurrencyPolicy.limit(1, 1, Duration.ofSeconds(5)));
        ConcurrencyLimiter.Permit holder = acquired(limiter);
        ConcurrencyLimiter.Permit waiter = limiter.newPermit();
        Disposable waiting = waiter.acquire().doFinally(signal -> waiter.release()).subscribe();

        waiting.dispose();
        assertThat(limiter.queued()).isZero();
        holder.release();

        assertThat(limiter.inFlight()).isZero();
        timer.advanceTimeBy(Duration.ofSeconds(10));
        assertThat(listener.heard()).isEmpty();
    }

    @Test
    void countsButNeverLimitsWhenUnlimited() {
        ConcurrencyLimiter limiter = limiter(ConcurrencyPolicy.UNLIMITED);
        for (int i = 0; i < 1_000; i++) {
            acquired(limiter);
        }

        assertThat(limiter.inFlight()).isEqualTo(1_000);
        assertThat(listener.heard()).isEmpty();
    }

    private ConcurrencyLimiter limiter(ConcurrencyPolicy policy) {
        return new ConcurrencyLimiter("test", policy, listener, timer);
    }

    private static ConcurrencyLimiter.Permit acquired(ConcurrencyLimiter limiter) {
        ConcurrencyLimiter.Permit permit = limiter.newPermit();
        StepVerifier.create(permit.acquire()).verifyComplete();
        return permit;
    }
}
