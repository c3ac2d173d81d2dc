/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.types;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One message of a conversation, immutable. The JSON shape (snake_case field names) matches the Go
 * original's {@code types.Message}, so stored conversations are readable by both.
 *
 * @param role who sent it
 * @param content the text content ({@code null} for a pure tool-call or media message)
 * @param parts multimodal parts, empty for plain text
 * @param toolCalls calls the assistant asked for
 * @param toolResult for a {@link Role#TOOL} message, the result it carries
 * @param timestamp when it was created
 * @param latencyMs for an assistant message, how long the provider took
 * @param costInfo for an assistant message, tokens and cost of the call that produced it
 * @param finishReason for an assistant message, why the provider stopped
 * @param validations validator results attached to this message
 * @param meta free-form metadata
 * @param reasoning for an assistant message, the model's reasoning ({@code null} when there was none); never part
 *        of the content
 *
 * @since 0.1.0
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Message(
        @JsonProperty("role") Role role,
        @JsonProperty("content") String content,
        @JsonProperty("parts") List<ContentPart> parts,
        @JsonProperty("tool_calls") List<ToolCall> toolCalls,
        @JsonProperty("tool_result") ToolResult toolResult,
        @JsonProperty("timestamp") Instant timestamp,
        @JsonProperty("latency_ms") Long latencyMs,
        @JsonProperty("cost_info") CostInfo costInfo,
        @JsonProperty("finish_reason") String finishReason,
        @JsonProperty("validations") List<ValidationResult> validations,
        @JsonProperty("meta") Map<String, Object> meta,
        @JsonProperty("reasoning") ReasoningTrace reasoning) {

    public Message {
        parts = parts == null ? List.of() : List.copyOf(parts);
        toolCalls = toolCalls == null ? List.of() : List.copyOf(toolCalls);
        validations = validations == null ? List.of() : List.copyOf(validations);
        meta = meta == null ? Map.of() : Map.copyOf(meta);
        reasoning = reasoning == null || reasoning.isEmpty() ? null : reasoning;
    }

    /** A message without reasoning. */
    public Message(Role role, String content, List<ContentPart> parts, List<ToolCall> toolCalls, ToolResult toolResult,
            Instant timestamp, Long latencyMs, CostInfo costInfo, String finishReason,
            List<ValidationResult> validations, Map<String, Object> meta) {
        this(role, content, parts, toolCalls, toolResult, timestamp, latencyMs, costInfo, finishReason, validations,
                meta, null);
    }

    public static Message system(String content) {
        return new Message(Role.SYSTEM, content, null, null, null, Instant.now(), null, null, null, null, null);
    }

    public static Message user(String content) {
        return new Message(Role.USER, content, null, null, null, Instant.now(), null, null, null, null, null);
    }

    public static Message user(String content, List<ContentPart> parts) {
        return new Message(Role.USER, content, parts, null, null, Instant.now(), null, null, null, null, null);
    }

    public static Message assistant(String content) {
        return new Message(Role.ASSISTANT, content, null, null, null, Instant.now(), null, null, null, null, null);
    }

    public static Message assistant(String content, List<ToolCall> toolCalls) {
        return new Message(Role.ASSISTANT, content, null, toolCalls, null, Instant.now(), null, null, null, null,
                null);
    }

    public static Message tool(ToolResult result) {
        return tool(result, null);
    }

    /** The tool message of {@code result}, carrying what the tool spent producing it (an agent tool's cost). */
    public static Message tool(ToolResult result, CostInfo cost) {
        return new Message(Role.TOOL, result.contentForModel(), null, null, result, Instant.now(), null, cost, null,
                null, null);
    }

    /** The message's text: {@code content}, else its text parts joined. */
    @JsonIgnore
    public String text() {
        return content != null ? content : ContentPart.joinedText(parts);
    }

    @JsonIgnore
    public boolean hasToolCalls() {
        return !toolCalls.isEmpty();
    }

    @JsonIgnore
    public boolean hasMedia() {
        return parts.stream().anyMatch(part -> !part.isText());
    }

    public Message withCost(CostInfo cost, long latency, String finish) {
        return new Message(role, content, parts, toolCalls, toolResult, timestamp, latency, cost, finish,
                validations, meta, reasoning);
    }

    public Message withValidations(List<ValidationResult> results) {
        return new Message(role, content, parts, toolCalls, toolResult, timestamp, latencyMs, costInfo,
                finishReason, results, meta, reasoning);
    }

    public Message withContent(String newContent) {
        return new Message(role, newContent, parts, toolCalls, toolResult, timestamp, latencyMs, costInfo,
                finishReason, validations, meta, reasoning);
    }

    /** This message carrying {@code trace} as its reasoning. */
    public Message withReasoning(ReasoningTrace trace) {
        return new Message(role, content, parts, toolCalls, toolResult, timestamp, latencyMs, costInfo, finishReason,
                validations, meta, trace);
    }

    public Message withParts(List<ContentPart> newParts) {
        return new Message(role, content, newParts, toolCalls, toolResult, timestamp, latencyMs, costInfo,
                finishReason, validations, meta, reasoning);
    }
}
