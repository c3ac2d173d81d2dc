/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.event;

import java.time.Instant;

/**
 * A validator judged a message.
 *
 * @since 0.1.0
 */
public record ValidationEvent(Instant timestamp, String conversationId, String validatorType, boolean passed,
        String message) implements Event {

    @Override
    public String type() {
        return passed ? "validation.passed" : "validation.failed";
    }
}
