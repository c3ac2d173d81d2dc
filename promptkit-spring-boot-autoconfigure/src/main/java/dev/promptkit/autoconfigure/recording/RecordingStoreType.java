/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.autoconfigure.recording;

/**
 * Where {@code promptkit.recording.store} keeps recorded sessions.
 *
 * @since 0.1.0
 */
public enum RecordingStoreType {

    /** One JSON lines file per conversation under {@code promptkit.recording.directory}. */
    FILE,

    /** One Redis stream per conversation, on the application's reactive Redis connection, with a time to live. */
    REDIS
}
