/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.event;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * A provider request failed before its first chunk and is retried after {@code delay}
 * ({@code outcome} {@code retrying}), or could not be retried because the retry budget was empty
 * ({@code budget_exhausted}).
 *
 * @since 0.1.0
 */
public record StreamRetryEvent(Instant timestamp, String conversationId, String provider, int attempt, Duration delay,
        String outcome, String reason) implements Event {

    /** The outcome of a request that is retried. */
    public static final String RETRYING = "retrying";

    /** The outcome of a request that could not be retried: the provider's retry budget was empty. */
    public static final String BUDGET_EXHAUSTED = "budget_exhausted";

    /** Every outcome, for meters that start at zero. */
    public static final List<String> OUTCOMES = List.of(RETRYING, BUDGET_EXHAUSTED);

    @Override
    public String type() {
        return "stream.retry";
    }
}
