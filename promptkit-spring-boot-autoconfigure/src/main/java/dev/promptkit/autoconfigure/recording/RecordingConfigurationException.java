/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.autoconfigure.recording;

/**
 * {@code promptkit.recording.store=redis} without a Redis connection; explained at start-up by
 * {@link RecordingFailureAnalyzer}.
 *
 * @since 0.1.0
 */
public class RecordingConfigurationException extends IllegalStateException {

    private static final long serialVersionUID = 1L;

    public RecordingConfigurationException() {
        super("promptkit.recording.store is redis, but the application has no Redis connection (no"
                + " ReactiveRedisConnectionFactory bean)");
    }
}
