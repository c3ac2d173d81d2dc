/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.event;

import java.time.Instant;

/**
 * A provider's in-flight limit turned a request away ({@code reason}: queue full, or waited too long).
 *
 * @since 0.1.0
 */
public record ConcurrencyRejectedEvent(Instant timestamp, String conversationId, String provider, String reason)
        implements Event {

    @Override
    public String type() {
        return "stream.concurrency_rejected";
    }
}
