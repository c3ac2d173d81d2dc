/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.provider;

import dev.promptkit.types.ContentPart;
import dev.promptkit.types.OpaqueReasoning;
import dev.promptkit.types.ReasoningTrace;
import dev.promptkit.types.TokenUsage;
import dev.promptkit.types.ToolCall;
import java.util.ArrayList;
import java.util.List;

/**
 * A provider's whole answer to one request: the reduction of its {@link ProviderChunk} stream. {@code reasoning}
 * is {@code null} when the model streamed none.
 *
 * @since 0.1.0
 */
public record ProviderResponse(String text, List<ToolCall> toolCalls, TokenUsage usage, String finishReason,
        List<ContentPart> media, ReasoningTrace reasoning) {

    public ProviderResponse {
        toolCalls = List.copyOf(toolCalls);
        media = List.copyOf(media);
    }

    /** Accumulates chunks into a response; not thread-safe (a stream is sequential). */
    public static final class Builder {
        private final StringBuilder text = new StringBuilder();
        private final StringBuilder reasoning = new StringBuilder();
        private final List<OpaqueReasoning> opaque = new ArrayList<>();
        private final List<ToolCall> toolCalls = new ArrayList<>();
        private final List<ContentPart> media = new ArrayList<>();
        private TokenUsage usage = TokenUsage.NONE;
        private String finishReason;

        public Builder add(ProviderChunk chunk) {
            if (chunk.isText()) {
                text.append(chunk.delta());
            }
            else if (chunk.isToolCall()) {
                toolCalls.add(chunk.toolCall());
            }
            else if (chunk.isMedia()) {
                media.add(chunk.media());
            }
            else if (chunk.isReasoning()) {
                reasoning.append(chunk.reasoning());
            }
            else if (chunk.isOpaqueReasoning()) {
                opaque.add(chunk.opaqueReasoning());
            }
            else if (chunk.isFinish()) {
                usage = chunk.usage();
                finishReason = chunk.finishReason();
            }
            return this;
        }

        public ProviderResponse build() {
            ReasoningTrace trace = new ReasoningTrace(reasoning.toString(), opaque,
                    opaque.stream().anyMatch(token -> OpaqueReasoning.REDACTED_THINKING.equals(token.kind())));
            return new ProviderResponse(text.toString(), toolCalls, usage, finishReason, media,
                    trace.isEmpty() ? null : trace);
        }
    }
}
