/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.event;

import java.time.Duration;
import java.time.Instant;

/**
 * A turn's pipeline, or one stage of it ({@code stage} non-null), started, completed or failed.
 * {@code duration} and {@code error} are set when they apply.
 *
 * @since 0.1.0
 */
public record PipelineEvent(Instant timestamp, String conversationId, Phase phase, String stage, Duration duration,
        Throwable error) implements Event {

    @Override
    public String type() {
        return (stage == null ? "pipeline." : "stage.") + phase.wireName();
    }
}
