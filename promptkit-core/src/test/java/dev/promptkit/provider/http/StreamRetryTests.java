/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.provider.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.promptkit.provider.ProviderException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.test.StepVerifier;

class StreamRetryTests {

    private static final RetryPolicy POLICY = new RetryPolicy(2, Duration.ofMillis(250), Duration.ofSeconds(2),
            Duration.ofSeconds(10), 5, 10);

    private final RecordingListener listener = new RecordingListener();
    private final AtomicInteger attempts = new AtomicInteger();
    private final AtomicBoolean delivered = new AtomicBoolean();

    @Test
    void retriesBeforeTheFirstChunkWithJitteredBackoffThenGivesUp() {
        StreamRetry retry = retry(POLICY, unlimitedBudget());

        StepVerifier.withVirtualTime(() -> failing(unavailable()).retryWhen(retry.forCall(delivered::get)))
                .expectSubscription()
                .expectNoEvent(Duration.ofMillis(125))
                .expectNoEvent(Duration.ofMillis(250))
                .verifyErrorSatisfies(error -> assertThat(error).hasMessageContaining("HTTP 503"));

        assertThat(attempts).hasValue(3);
        assertThat(listener.heard()).containsExactly("retry 1 after HTTP 503", "retry 2 after HTTP 503");
        assertThat(listener.delays()).containsExactly(Duration.ofMillis(125), Duration.ofMillis(250));
    }

    @Test
    void succeedsWhenARetrySucceeds() {
        StreamRetry retry = retry(POLICY, unlimitedBudget());
        Flux<String> flaky = Flux.defer(() -> attempts.incrementAndGet() == 1 ? Flux.error(unavailable())
                : Flux.just("hello"));

        StepVerifier.withVirtualTime(() -> flaky.retryWhen(retry.forCall(delivered::get)))
                .thenAwait(Duration.ofMillis(125))
                .expectNext("hello")
                .verifyComplete();
        assertThat(listener.heard()).containsExactly("retry 1 after HTTP 503");
    }

    @Test
    void neverRetriesOnceAChunkReachedTheCaller() {
        StreamRetry retry = retry(POLICY, unlimitedBudget());
        Flux<String> breaksMidway = Flux.defer(() -> {
            attempts.incrementAndGet();
            return Flux.just("partial").concatWith(Flux.error(unavailable()));
        });

        StepVerifier.create(breaksMidway.doOnNext(chunk -> delivered.set(true))
                .retryWhen(retry.forCall(delivered::get)))
                .expectNext("partial")
                .verifyErrorSatisfies(error -> assertThat(error).hasMessageContaining("HTTP 503"));
        assertThat(attempts).hasValue(1);
        assertThat(listener.heard()).isEmpty();
    }

    @Test
    void neverRetriesAFailureThatIsNotRetryable() {
        StreamRetry retry = retry(POLICY, unlimitedBudget());

        StepVerifier.create(failing(new ProviderException("test", 400, "bad request"))
                .retryWhen(retry.forCall(delivered::get)))
                .verifyErrorMessage("Provider 'test' failed (HTTP 400): bad request");
        assertThat(attempts).hasValue(1);
    }

    @Test
    void givesUpWithTheOriginalErrorWhenTheBudgetIsEmpty() {
        AtomicLong frozenClock = new AtomicLong();
        StreamRetry retry = retry(POLICY, new RetryBudget(new RetryPolicy(2, Duration.ZERO, Duration.ZERO,
                Duration.ZERO, 1, 1), frozenClock::get));

        StepVerifier.withVirtualTime(() -> failing(unavailable()).retryWhen(retry.forCall(delivered::get)))
                .thenAwait(Duration.ofSeconds(1))
                .verifyErrorSatisfies(error -> assertThat(error).hasMessageContaining("HTTP 503"));
        assertThat(attempts).hasValue(2);
        assertThat(listener.heard()).containsExactly("retry 1 after HTTP 503", "budget exhausted");
    }

    @Test
    void waitsAsLongAsRetryAfterAsks() {
        StreamRetry retry = retry(POLICY, unlimitedBudget());
        HttpStatusException limited = new HttpStatusException("test", 429, "slow down", Duration.ofSeconds(3));
        Flux<String> flaky = Flux.defer(() -> attempts.incrementAndGet() == 1 ? Flux.error(limited) : Flux.just("ok"));

        StepVerifier.withVirtualTime(() -> flaky.retryWhen(retry.forCall(delivered::get)))
                .expectSubscription()
                .expectNoEvent(Duration.ofSeconds(3))
                .expectNext("ok")
                .verifyComplete();
        assertThat(listener.delays()).containsExactly(Duration.ofSeconds(3));
    }

    @Test
    void cancellingDuringTheBackoffEndsTheCallWithoutAnotherAttempt() {
        StreamRetry retry = retry(POLICY, unlimitedBudget());

        StepVerifier.withVirtualTime(() -> failing(unavailable()).retryWhen(retry.forCall(delivered::get)))
                .expectSubscription()
                .thenAwait(Duration.ofMillis(100))
                .thenCancel()
                .verify();
        assertThat(attempts).hasValue(1);
    }

    private Flux<String> failing(ProviderException failure) {
        return Flux.defer(() -> {
            attempts.incrementAndGet();
            return Flux.error(failure);
        });
    }

    private StreamRetry retry(RetryPolicy policy, RetryBudget budget) {
        return new StreamRetry(policy, budget, listener, () -> 0.5);
    }

    private static RetryBudget unlimitedBudget() {
        return new RetryBudget(RetryPolicy.DISABLED, System::nanoTime);
    }

    private static ProviderException unavailable() {
        return new ProviderException("test", 503, "overloaded");
    }
}
