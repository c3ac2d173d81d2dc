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
 * A stored conversation: its messages in order and a small string metadata map (PromptKit keeps the
 * conversation's variables there, under {@code var.<name>}).
 *
 * @since 0.1.0
 */
public record ConversationState(
        @JsonProperty("id") String id,
        @JsonProperty("messages") List<Message> messages,
        @JsonProperty("metadata") Map<String, String> metadata,
        @JsonProperty("updated_at") Instant updatedAt) {

    public ConversationState {
        messages = messages == null ? List.of() : List.copyOf(messages);
        metadata = metadata == null ? Map.of() : Map.copyOf(metadata);
    }

    public static ConversationState empty(String id) {
        return new ConversationState(id, List.of(), Map.of(), Instant.now());
    }
}
