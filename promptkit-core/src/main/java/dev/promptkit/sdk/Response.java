/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.sdk;

import dev.promptkit.tool.PendingToolCall;
import dev.promptkit.types.ContentPart;
import dev.promptkit.types.CostInfo;
import dev.promptkit.types.Message;
import dev.promptkit.types.Role;
import dev.promptkit.types.ToolCall;
import dev.promptkit.types.ToolResult;
import dev.promptkit.types.ValidationResult;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import tools.jackson.core.JacksonException;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;
import java.util.List;
import java.util.StringJoiner;

/**
 * The outcome of one turn: the model's final message, every message the turn added to the
 * conversation, the tokens and cost of all provider calls in the turn, and how long it took.
 *
 * @since 0.1.0
 */
public final class Response {

    private static final JsonMapper JSON = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

    private final Message message;
    private final List<Message> turnMessages;
    private final List<PendingToolCall> pendingTools;
    private final CostInfo costInfo;
    private final Duration duration;

    Response(Message message, List<Message> turnMessages, List<PendingToolCall> pendingTools, CostInfo costInfo,
            Duration duration) {
        this.message = message;
        this.turnMessages = List.copyOf(turnMessages);
        this.pendingTools = List.copyOf(pendingTools);
        this.costInfo = costInfo;
        this.duration = duration;
    }

    /** The text of the model's final answer. */
    public String text() {
        return message.text();
    }

    /**
     * The model's readable reasoning in this turn (each provider call's, in order, separated by a blank line),
     * empty when it gave none. It is never part of {@link #text()} and never checked by validators.
     */
    public String reasoning() {
        StringJoiner joined = new StringJoiner("\n\n");
        for (Message turnMessage : turnMessages) {
            if (turnMessage.role() == Role.ASSISTANT && turnMessage.reasoning() != null
                    && !turnMessage.reasoning().text().isEmpty()) {
                joined.add(turnMessage.reasoning().text());
            }
        }
        return joined.toString();
    }

    /**
     * Reads the answer as JSON into {@code type} (a record, a bean, a {@code Map}...). A JSON object or
     * array wrapped in a Markdown code fence is accepted.
     *
     * @throws StructuredOutputException when the answer is not valid JSON for the type; it shows the answer
     */
    public <T> T as(Class<T> type) {
        try {
            return JSON.readValue(jsonText(), type);
        }
        catch (JacksonException ex) {
            throw new StructuredOutputException(type.getName(), text(), ex);
        }
    }

    /** Reads the answer as JSON into a generic type, such as {@code new TypeReference<List<Item>>() {}}. */
    public <T> T as(TypeReference<T> type) {
        try {
            return JSON.readValue(jsonText(), type);
        }
        catch (JacksonException ex) {
            throw new StructuredOutputException(type.getType().getTypeName(), text(), ex);
        }
    }

    private String jsonText() {
        String text = text().strip();
        if (text.startsWith("```")) {
            int start = text.indexOf('\n');
            int end = text.lastIndexOf("```");
            if (start > 0 && end > start) {
                return text.substring(start + 1, end).strip();
            }
        }
        return text;
    }

    /** The model's final message. */
    public Message message() {
        return message;
    }

    /** The parts of the final message (empty for plain text). */
    public List<ContentPart> parts() {
        return message.parts();
    }

    /** Whether the answer carries media (images, audio, video or documents) among its {@link #parts()}. */
    public boolean hasMedia() {
        return message.hasMedia();
    }

    /** Every message this turn added, in order: the user's message first. */
    public List<Message> turnMessages() {
        return turnMessages;
    }

    /** Every tool call the model made during the turn. */
    public List<ToolCall> toolCalls() {
        return turnMessages.stream().filter(m -> m.role() == Role.ASSISTANT)
                .flatMap(m -> m.toolCalls().stream()).toList();
    }

    public boolean hasToolCalls() {
        return !toolCalls().isEmpty();
    }

    /** Tool calls this turn held for a human's approval; the turn goes on after they are settled. */
    public List<PendingToolCall> pendingTools() {
        return pendingTools;
    }

    public boolean hasPendingTools() {
        return !pendingTools.isEmpty();
    }

    /** The results of the tools run during this turn, in order. */
    public List<ToolResult> toolResults() {
        return turnMessages.stream().filter(m -> m.role() == Role.TOOL && m.toolResult() != null)
                .map(Message::toolResult).toList();
    }

    /**
     * Every validator result of the turn, passed or failed: the input validators' (attached to the user's
     * message) first, then the output validators' (attached to the final answer).
     */
    public List<ValidationResult> validations() {
        return turnMessages.stream().flatMap(m -> m.validations().stream()).toList();
    }

    /** Input tokens over every provider call of the turn (cache reads and writes included). */
    public long inputTokens() {
        return costInfo.promptTokens();
    }

    public long outputTokens() {
        return costInfo.outputTokens();
    }

    /** Input plus output tokens. */
    public long tokensUsed() {
        return inputTokens() + outputTokens();
    }

    /** The turn's cost in US dollars, exactly (0 when the model's price is unknown). */
    public BigDecimal cost() {
        return costInfo.totalCostUsd();
    }

    public CostInfo costInfo() {
        return costInfo;
    }

    /** Wall-clock time from the start of the turn to its end. */
    public Duration duration() {
        return duration;
    }

    @Override
    public String toString() {
        return "Response[text=" + abbreviate(text()) + ", tokens=" + tokensUsed() + ", cost="
                + cost().setScale(6, RoundingMode.HALF_UP) + " USD, duration="
                + duration.toMillis() + " ms]";
    }

    private static String abbreviate(String text) {
        return text.length() <= 80 ? text : text.substring(0, 77) + "...";
    }
}
