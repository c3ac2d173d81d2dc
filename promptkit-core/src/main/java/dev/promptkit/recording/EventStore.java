/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.recording;

import java.util.List;
import java.util.Map;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Where recorded events are kept, per conversation and in the order they were appended: {@link FileEventStore} (JSON
 * lines, one file per conversation) or {@code RedisEventStore} (one Redis stream per conversation, with a time to
 * live). An {@link EventRecorder} writes to it off the response path; {@link SessionRecording#load} reads a
 * conversation back for export or replay.
 *
 * @since 0.1.0
 */
public interface EventStore {

    /** Appends {@code events}, all of conversation {@code conversationId}, after the ones already kept. */
    Mono<Void> append(String conversationId, List<RecordedEvent> events);

    /** The events of one conversation, oldest first; empty when none are kept. */
    Flux<RecordedEvent> read(String conversationId);

    /** What the store is and where it keeps events (type, location, time to live), for diagnostics; no secrets. */
    Map<String, Object> describe();
}
