/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.provider;

import dev.promptkit.types.ContentPart;
import dev.promptkit.types.OpaqueReasoning;
import dev.promptkit.types.TokenUsage;
import dev.promptkit.types.ToolCall;

/**
 * One element of a provider's stream: a text delta, a complete tool call (providers assemble the
 * argument fragments before emitting it), a media part of the answer (an image, audio, video or document
 * the model produced), a reasoning delta (the model's thinking, never answer text), an opaque reasoning token the
 * provider needs back on replay, or the final element with the finish reason and usage. Exactly one is set.
 *
 * @since 0.1.0
 */
public record ProviderChunk(String delta, ToolCall toolCall, TokenUsage usage, String finishReason,
        ContentPart media, String reasoning, OpaqueReasoning opaqueReasoning) {

    public static ProviderChunk text(String delta) {
        return new ProviderChunk(delta, null, null, null, null, null, null);
    }

    public static ProviderChunk toolCall(ToolCall call) {
        return new ProviderChunk(null, call, null, null, null, null, null);
    }

    /** A media part of the answer; {@code part} is not a text part. */
    public static ProviderChunk media(ContentPart part) {
        if (part.isText()) {
            throw new IllegalArgumentException("a media chunk needs a media part, not text");
        }
        return new ProviderChunk(null, null, null, null, part, null, null);
    }

    public static ProviderChunk finish(String finishReason, TokenUsage usage) {
        return new ProviderChunk(null, null, usage == null ? TokenUsage.NONE : usage, finishReason, null, null, null);
    }

    /** A piece of the model's readable reasoning. */
    public static ProviderChunk reasoning(String delta) {
        return new ProviderChunk(null, null, null, null, null, delta, null);
    }

    /** A reasoning token kept with the answer for replay, never shown. */
    public static ProviderChunk opaqueReasoning(OpaqueReasoning token) {
        return new ProviderChunk(null, null, null, null, null, null, token);
    }

    public boolean isMedia() {
        return media != null;
    }

    public boolean isText() {
        return delta != null;
    }

    public boolean isToolCall() {
        return toolCall != null;
    }

    public boolean isFinish() {
        return usage != null;
    }

    public boolean isReasoning() {
        return reasoning != null;
    }

    public boolean isOpaqueReasoning() {
        return opaqueReasoning != null;
    }
}
