/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.provider.http;

import dev.promptkit.provider.ProviderException;
import java.time.Duration;

/**
 * Hears what the resilience layer did with a provider's calls, for events and metrics. Called on
 * whichever thread made the decision (often an I/O thread): implementations must be fast, must not
 * block and must not throw.
 *
 * @since 0.1.0
 */
public interface ProviderCallListener {

    /** Hears nothing. */
    ProviderCallListener NONE = new ProviderCallListener() {
    };

    /**
     * A failed call will be tried again.
     *
     * @param retry which retry this is: 1 for the first
     * @param delay how long the call waits before it
     * @param cause the failure being retried
     */
    default void onRetry(int retry, Duration delay, ProviderException cause) {
    }

    /**
     * A call's request met a reused connection that the server had already closed (or reset) and got no byte of
     * answer: it was sent again at once on a new connection, outside the retry policy and its budget. This
     * happens at most once per call.
     */
    default void onResend() {
    }

    /** A retryable failure was not retried because the provider's retry budget was empty. */
    default void onBudgetExhausted(ProviderException cause) {
    }

    /** A call was refused a slot under the provider's concurrency limit. */
    default void onRejected(RejectionReason reason) {
    }
}
