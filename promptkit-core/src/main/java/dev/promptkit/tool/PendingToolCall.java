/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.tool;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.promptkit.types.ToolCall;
import java.time.Instant;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * A tool call held for a human's approval. Pure data, so that any instance of an application can
 * list, approve or reject it through a shared {@link PendingStore}.
 *
 * @since 0.1.0
 */
public record PendingToolCall(
        @JsonProperty("id") String id,
        @JsonProperty("conversation_id") String conversationId,
        @JsonProperty("name") String name,
        @JsonProperty("arguments") JsonNode arguments,
        @JsonProperty("reason") String reason,
        @JsonProperty("message") String message,
        @JsonProperty("created_at") Instant createdAt) {

    public static PendingToolCall of(String conversationId, ToolCall call, PendingResult why) {
        return new PendingToolCall(call.id(), conversationId, call.name(), call.args(), why.reason(), why.message(),
                Instant.now());
    }

    /** The held call, as the model made it. */
    public ToolCall toolCall() {
        return new ToolCall(id, name, arguments);
    }

    /** The arguments as a map. */
    public Map<String, Object> argumentMap() {
        return toolCall().arguments();
    }
}
