/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.provider.http;

import java.time.Duration;
import java.util.Objects;

/**
 * How many calls one provider runs at once. A call takes a slot before its request is sent and gives
 * it back when the response body ends, fails or is cancelled. When every slot is taken, a call waits
 * in a FIFO queue of at most {@code maxQueued} calls for at most {@code maxWait}, and otherwise fails
 * with a {@link dev.promptkit.provider.ProviderException} saying the concurrency limit was reached.
 *
 * @param maxInFlight the number of slots; 0 for no limit
 * @param maxQueued how many calls may wait for a slot; 0 to fail at once when full
 * @param maxWait how long a call may wait for a slot
 *
 * @since 0.1.0
 */
public record ConcurrencyPolicy(int maxInFlight, int maxQueued, Duration maxWait) {

    /** No limit. */
    public static final ConcurrencyPolicy UNLIMITED = new ConcurrencyPolicy(0, 0, Duration.ZERO);

    public ConcurrencyPolicy {
        Objects.requireNonNull(maxWait, "maxWait");
        if (maxInFlight < 0 || maxQueued < 0 || maxWait.isNegative()) {
            throw new IllegalArgumentException("concurrency settings must not be negative");
        }
    }

    /** At most {@code maxInFlight} calls at once, up to {@code maxQueued} more waiting up to {@code maxWait}. */
    public static ConcurrencyPolicy limit(int maxInFlight, int maxQueued, Duration maxWait) {
        return new ConcurrencyPolicy(maxInFlight, maxQueued, maxWait);
    }
}
