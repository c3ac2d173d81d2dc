/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.provider.http;

import dev.promptkit.provider.ProviderException;
import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.function.DoubleSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;

/**
 * Decides, failure by failure, whether a call is tried again under a {@link RetryPolicy}: only a
 * retryable {@link ProviderException}, only while no chunk has reached the caller, only while retries
 * and the provider's {@link RetryBudget} last. Cancellation never reaches it, so it is never retried.
 */
final class StreamRetry {

    private static final Logger log = LoggerFactory.getLogger(StreamRetry.class);

    private final RetryPolicy policy;
    private final RetryBudget budget;
    private final ProviderCallListener listener;
    private final DoubleSupplier random;

    StreamRetry(RetryPolicy policy, RetryBudget budget, ProviderCallListener listener, DoubleSupplier random) {
        this.policy = policy;
        this.budget = budget;
        this.listener = listener;
        this.random = random;
    }

    /** The retry strategy of one call; {@code delivered} tells whether a chunk already reached the caller. */
    Retry forCall(BooleanSupplier delivered) {
        return Retry.from(failures -> failures.concatMap(signal -> {
            Throwable failure = signal.failure();
            long retries = signal.totalRetries();
            if (!(failure instanceof ProviderException cause) || !cause.retryable() || delivered.getAsBoolean()
                    || retries >= policy.maxRetries()) {
                return Mono.error(failure);
            }
            if (!budget.tryAcquire()) {
                log.debug("Not retrying: the retry budget of provider '{}' is empty", cause.provider());
                listener.onBudgetExhausted(cause);
                return Mono.error(failure);
            }
            Duration retryAfter = cause instanceof HttpStatusException status ? status.retryAfter() : null;
            Duration delay = policy.delay((int) retries, retryAfter, random.getAsDouble());
            log.debug("Retry {} of provider '{}' in {} ms after: {}", retries + 1, cause.provider(), delay.toMillis(),
                    cause.getMessage());
            listener.onRetry((int) retries + 1, delay, cause);
            return Mono.delay(delay).thenReturn(retries);
        }));
    }
}
