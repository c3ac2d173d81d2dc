/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.autoconfigure.recording;

import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Session recording, under {@code promptkit.recording.*}: every event of every conversation, redacted, written to an
 * event store off the response path, for export and replay.
 *
 * @param enabled whether to record (off by default)
 * @param store {@code file} (the default) or {@code redis}
 * @param directory where the file store writes its {@code <conversation id>.jsonl} files
 * @param ttl how long the Redis store keeps a conversation's stream after its last event; 0 keeps it for ever
 * @param keyPrefix the first segment of the Redis store's keys ({@code <prefix>:recording:{<conversation id>}})
 * @param maxEvents the most events the Redis store keeps per conversation (the oldest go first); 0 for no cap
 * @param queueCapacity how many events may wait to be written; past it, events are dropped and counted
 * @param writeTimeout the longest one write to the store may take; a slower write's events are dropped and counted
 *
 * @since 0.1.0
 */
@ConfigurationProperties("promptkit.recording")
public record PromptKitRecordingProperties(@DefaultValue("false") boolean enabled,
        @DefaultValue("file") RecordingStoreType store, @DefaultValue("recordings") Path directory,
        @DefaultValue("7d") Duration ttl, @DefaultValue("promptkit") String keyPrefix,
        @DefaultValue("0") long maxEvents, @DefaultValue("10000") int queueCapacity,
        @DefaultValue("5s") Duration writeTimeout) {

    public PromptKitRecordingProperties {
        if (ttl.isNegative()) {
            throw new IllegalArgumentException("promptkit.recording.ttl must be 0 (keep for ever) or a positive"
                    + " duration (such as 7d or 12h), was " + ttl);
        }
        if (maxEvents < 0) {
            throw new IllegalArgumentException("promptkit.recording.max-events must be 0 (no cap) or more, was "
                    + maxEvents);
        }
        if (queueCapacity < 1) {
            throw new IllegalArgumentException("promptkit.recording.queue-capacity must be at least 1, was "
                    + queueCapacity);
        }
        if (writeTimeout.isNegative() || writeTimeout.isZero()) {
            throw new IllegalArgumentException("promptkit.recording.write-timeout must be a positive duration (such"
                    + " as 5s or 500ms), was " + writeTimeout);
        }
    }
}
