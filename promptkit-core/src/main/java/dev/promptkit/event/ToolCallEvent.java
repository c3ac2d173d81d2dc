/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.event;

import java.time.Duration;
import java.time.Instant;

/**
 * One tool call: started, then completed or failed (the error is what the model was told).
 *
 * @since 0.1.0
 */
public record ToolCallEvent(Instant timestamp, String conversationId, Phase phase, String toolName, String callId,
        Duration duration, String error) implements Event {

    @Override
    public String type() {
        return "tool.call." + phase.wireName();
    }
}
