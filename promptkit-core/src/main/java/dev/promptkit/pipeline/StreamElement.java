/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.pipeline;

import dev.promptkit.tool.PendingToolCall;
import dev.promptkit.types.MediaContent;
import dev.promptkit.types.Message;
import dev.promptkit.types.ToolCall;
import java.util.Map;

/**
 * One element flowing through a {@link Pipeline}: a text delta, a reasoning delta (the model's thinking, which is
 * not answer text: stages that look at the answer skip it), a whole {@link Message}, a
 * {@link ToolCall}, a tool call held for approval, media, or an error, with a timestamp and optional metadata. Immutable and small,
 * since one is created per streamed chunk.
 *
 * @since 0.1.0
 */
public final class StreamElement {

    /** What an element carries. */
    public enum Kind { TEXT, REASONING, MESSAGE, TOOL_CALL, PENDING_TOOL, MEDIA, ERROR }

    private final Kind kind;
    private final Object payload;
    private final long timestampMillis;
    private final Map<String, Object> metadata;

    private StreamElement(Kind kind, Object payload, Map<String, Object> metadata) {
        this.kind = kind;
        this.payload = payload;
        this.timestampMillis = System.currentTimeMillis();
        this.metadata = metadata;
    }

    public static StreamElement text(String delta) {
        return new StreamElement(Kind.TEXT, delta, null);
    }

    /** A piece of the model's reasoning. */
    public static StreamElement reasoning(String delta) {
        return new StreamElement(Kind.REASONING, delta, null);
    }

    /** A message of this turn (the user's message, an assistant answer, a tool result). */
    public static StreamElement message(Message message) {
        return new StreamElement(Kind.MESSAGE, message, null);
    }

    public static StreamElement toolCall(ToolCall call) {
        return new StreamElement(Kind.TOOL_CALL, call, null);
    }

    /** A tool call held for a human's approval; the turn ends after the round that held it. */
    public static StreamElement pendingTool(PendingToolCall pending) {
        return new StreamElement(Kind.PENDING_TOOL, pending, null);
    }

    public static StreamElement media(MediaContent media) {
        return new StreamElement(Kind.MEDIA, media, null);
    }

    public static StreamElement error(Throwable error) {
        return new StreamElement(Kind.ERROR, error, null);
    }

    /** This element with one more metadata entry. */
    public StreamElement withMetadata(String key, Object value) {
        Map<String, Object> merged = new java.util.HashMap<>(metadata());
        merged.put(key, value);
        return new StreamElement(kind, payload, Map.copyOf(merged));
    }

    /** This message element carrying {@code replacement} instead, metadata kept. */
    public StreamElement withMessage(Message replacement) {
        if (kind != Kind.MESSAGE) {
            throw new IllegalStateException("Only a message element can carry another message, this is " + kind);
        }
        return new StreamElement(Kind.MESSAGE, replacement, metadata);
    }

    public Kind kind() {
        return kind;
    }

    public boolean isText() {
        return kind == Kind.TEXT;
    }

    public boolean isReasoning() {
        return kind == Kind.REASONING;
    }

    public boolean isMessage() {
        return kind == Kind.MESSAGE;
    }

    public boolean isToolCall() {
        return kind == Kind.TOOL_CALL;
    }

    public boolean isPendingTool() {
        return kind == Kind.PENDING_TOOL;
    }

    public boolean isMedia() {
        return kind == Kind.MEDIA;
    }

    public boolean isError() {
        return kind == Kind.ERROR;
    }

    public String text() {
        return kind == Kind.TEXT ? (String) payload : null;
    }

    /** The reasoning delta, or {@code null} when this is not one. */
    public String reasoning() {
        return kind == Kind.REASONING ? (String) payload : null;
    }

    public Message message() {
        return kind == Kind.MESSAGE ? (Message) payload : null;
    }

    public ToolCall toolCall() {
        return kind == Kind.TOOL_CALL ? (ToolCall) payload : null;
    }

    public PendingToolCall pendingTool() {
        return kind == Kind.PENDING_TOOL ? (PendingToolCall) payload : null;
    }

    public MediaContent media() {
        return kind == Kind.MEDIA ? (MediaContent) payload : null;
    }

    public Throwable error() {
        return kind == Kind.ERROR ? (Throwable) payload : null;
    }

    public long timestampMillis() {
        return timestampMillis;
    }

    public Map<String, Object> metadata() {
        return metadata == null ? Map.of() : metadata;
    }

    @Override
    public String toString() {
        return "StreamElement[" + kind + ": " + payload + "]";
    }
}
