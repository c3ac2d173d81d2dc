/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.event;

import java.time.Instant;
import java.util.List;

/**
 * A provider's in-flight limit turned a request away ({@code reason}: {@code queue_full} or {@code wait_timeout},
 * the {@code RejectionReason} in lower case).
 *
 * @since 0.1.0
 */
public record ConcurrencyRejectedEvent(Instant timestamp, String conversationId, String provider, String reason)
        implements Event {

    /** Every reason: all slots taken and the wait queue full, or the wait for a slot too long. */
    public static final List<String> REASONS = List.of("queue_full", "wait_timeout");

    @Override
    public String type() {
        return "stream.concurrency_rejected";
    }
}
