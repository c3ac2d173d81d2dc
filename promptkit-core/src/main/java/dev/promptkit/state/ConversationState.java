/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.state;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.promptkit.types.Message;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A stored conversation: its messages in order, a small string metadata map (PromptKit keeps the
 * conversation's variables there, under {@code var.<name>}) and the version of its history.
 *
 * @param version how many times the history was written (0 for a conversation never stored): every append
 *     that adds messages, every save and every fork onto it counts one; metadata-only appends do not. A turn
 *     passes the version it was answered on to {@link StateStore#append(String, List, Map, long)}.
 *
 * @since 0.1.0
 */
public record ConversationState(
        @JsonProperty("id") String id,
        @JsonProperty("messages") List<Message> messages,
        @JsonProperty("metadata") Map<String, String> metadata,
        @JsonProperty("updated_at") Instant updatedAt,
        @JsonProperty("version") long version) {

    public ConversationState {
        messages = messages == null ? List.of() : List.copyOf(messages);
        metadata = metadata == null ? Map.of() : Map.copyOf(metadata);
        if (version < 0) {
            throw new IllegalArgumentException("version must not be negative, was " + version);
        }
    }

    /** A state of version 0, for a conversation as the caller describes it (what {@link StateStore#save} takes). */
    public ConversationState(String id, List<Message> messages, Map<String, String> metadata, Instant updatedAt) {
        this(id, messages, metadata, updatedAt, 0);
    }

    public static ConversationState empty(String id) {
        return new ConversationState(id, List.of(), Map.of(), Instant.now(), 0);
    }
}
