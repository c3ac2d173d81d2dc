/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.event;

import java.time.Instant;

/**
 * A provider request met a reused connection that the server had already closed or reset, got no byte of
 * answer, and was sent again at once on a new connection (outside the retry policy and its budget).
 *
 * @since 0.1.0
 */
public record ConnectionResendEvent(Instant timestamp, String conversationId, String provider) implements Event {

    @Override
    public String type() {
        return "provider.resend";
    }
}
