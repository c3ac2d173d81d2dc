/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.event;

import java.time.Duration;
import java.time.Instant;

/**
 * A turn stopped before its end because its subscriber cancelled it (a client that went away, a time-out around
 * the stream); nothing of the turn was stored.
 *
 * @since 0.1.0
 */
public record StreamInterruptedEvent(Instant timestamp, String conversationId, Duration duration) implements Event {

    @Override
    public String type() {
        return "stream.interrupted";
    }
}
