/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.tool;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.promptkit.types.ToolCall;
import dev.promptkit.types.ToolResult;
import java.time.Instant;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * A tool call held for a human's approval, and what became of it. Pure data, so that any instance of an
 * application can list, approve or reject it through a shared {@link PendingStore}. A held call waits
 * ({@link #isWaiting()}) until someone decides; an approved call then runs ({@link #isRunning()}) and keeps its
 * result, a rejected one keeps the rejection as its result, until the turn that sends the result to the model
 * has been stored.
 *
 * @param decision {@code null} while the call waits
 * @param result the approved call's outcome or the rejection; {@code null} while the call waits or runs
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
        @JsonProperty("created_at") Instant createdAt,
        @JsonProperty("decision") @JsonInclude(JsonInclude.Include.NON_NULL) Decision decision,
        @JsonProperty("result") @JsonInclude(JsonInclude.Include.NON_NULL) ToolResult result) {

    /** What a person decided about a held call. */
    public enum Decision {
        @JsonProperty("approved") APPROVED,
        @JsonProperty("rejected") REJECTED
    }

    /** A call that waits for a decision. */
    public PendingToolCall(String id, String conversationId, String name, JsonNode arguments, String reason,
            String message, Instant createdAt) {
        this(id, conversationId, name, arguments, reason, message, createdAt, null, null);
    }

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

    /** Whether the call still waits for someone to approve or reject it. */
    @JsonIgnore
    public boolean isWaiting() {
        return decision == null;
    }

    /** Whether the call was approved and its tool has not finished yet. */
    @JsonIgnore
    public boolean isRunning() {
        return decision == Decision.APPROVED && result == null;
    }

    /** Whether the call was decided and has its result (the tool's, or the rejection). */
    @JsonIgnore
    public boolean isSettled() {
        return decision != null && result != null;
    }

    /** This call with {@code newDecision} taken. */
    public PendingToolCall withDecision(Decision newDecision) {
        return new PendingToolCall(id, conversationId, name, arguments, reason, message, createdAt, newDecision,
                result);
    }

    /** This call with its result. */
    public PendingToolCall withResult(ToolResult newResult) {
        return new PendingToolCall(id, conversationId, name, arguments, reason, message, createdAt, decision,
                newResult);
    }
}
