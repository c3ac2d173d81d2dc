/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.tool.mcp;

import java.time.Duration;
import java.util.Objects;

/**
 * How long a server that failed stays down before the next use tries it again: {@code initial} after
 * the first failure, doubling with each further failure in a row, never more than {@code max}.
 *
 * @since 0.1.0
 */
public record McpRetryBackoff(Duration initial, Duration max) {

    /** 1 s, doubling up to 60 s. */
    public static final McpRetryBackoff DEFAULT = new McpRetryBackoff(Duration.ofSeconds(1), Duration.ofSeconds(60));

    public McpRetryBackoff {
        Objects.requireNonNull(initial, "initial");
        Objects.requireNonNull(max, "max");
        if (initial.isNegative() || initial.isZero() || max.compareTo(initial) < 0) {
            throw new IllegalArgumentException(
                    "The retry backoff needs 0 < initial <= max, not " + initial + " and " + max);
        }
    }

    /** The wait after {@code failures} failures in a row (at least 1). */
    public Duration delayAfter(int failures) {
        int doublings = Math.min(Math.max(failures, 1) - 1, 30);
        Duration delay = initial.multipliedBy(1L << doublings);
        return delay.compareTo(max) > 0 ? max : delay;
    }
}
