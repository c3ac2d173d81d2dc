/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.recording;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.Objects;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * One event as an {@link EventStore} keeps it: its dotted type (see the README's events catalogue), when it happened,
 * its conversation, and its payload as JSON with every string already redacted. One JSON line in a file store:
 * <pre>{@code {"type":"message.created","timestamp":"2026-01-02T10:00:00Z","conversation_id":"c-1","data":{...}}}</pre>
 *
 * @since 0.1.0
 */
public record RecordedEvent(@JsonProperty("type") String type, @JsonProperty("timestamp") Instant timestamp,
        @JsonProperty("conversation_id") String conversationId, @JsonProperty("data") JsonNode data) {

    private static final JsonMapper JSON = JsonMapper.shared();

    public RecordedEvent {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(conversationId, "conversationId");
    }

    /** This event as one line of JSON, without the line break. */
    public String toJsonLine() {
        return JSON.writeValueAsString(this);
    }

    /**
     * Reads one line written by {@link #toJsonLine()}.
     *
     * @param where the file and line (or stream entry) it comes from, for the error message
     * @throws IllegalArgumentException naming {@code where} when the line is not a recorded event
     */
    public static RecordedEvent fromJsonLine(String line, String where) {
        RecordedEvent event;
        try {
            event = JSON.readValue(line, RecordedEvent.class);
        }
        catch (RuntimeException ex) {
            throw new IllegalArgumentException(where + " is not a recorded event (a JSON object with type, timestamp,"
                    + " conversation_id and data): " + ex.getMessage(), ex);
        }
        return event;
    }
}
