/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.provider.openai;

import dev.promptkit.provider.AnswerLimits;
import dev.promptkit.provider.ProviderChunk;
import dev.promptkit.provider.ProviderException;
import dev.promptkit.provider.http.EndMarkedStreamDecoder;
import dev.promptkit.provider.http.SseEvent;
import dev.promptkit.provider.http.StreamJson;
import dev.promptkit.types.TokenUsage;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * Decodes one Chat Completions stream: {@code chat.completion.chunk} events, the usage chunk that
 * {@code stream_options.include_usage} adds (empty {@code choices}), then {@code [DONE]}. Text deltas
 * are emitted as they come; tool calls when their {@code finish_reason} arrives; the finish chunk with
 * the usage at {@code [DONE]}. Only choice 0 is read (requests never ask for more). Events are read
 * with {@link ChatCompletionsChunk}, which skips what is not needed rather than building a tree.
 */
final class ChatCompletionsStreamDecoder extends EndMarkedStreamDecoder<SseEvent> {

    private static final String DONE = "[DONE]";

    private final ToolCallAccumulator toolCalls;
    private String finishReason;
    private TokenUsage usage = TokenUsage.NONE;

    ChatCompletionsStreamDecoder(String provider, AnswerLimits limits) {
        super(StreamJson.events(provider));
        this.toolCalls = new ToolCallAccumulator(limits.heldArguments(provider));
    }

    @Override
    protected List<ProviderChunk> decodeBeforeEnd(SseEvent event) {
        if (DONE.equals(event.data().strip())) {
            end();
            return finished();
        }
        ChatCompletionsChunk chunk = json().readStreaming(event.data(), ChatCompletionsChunk::read);
        if (chunk == null) {
            chunk = ChatCompletionsChunk.of(json().parse(event.data()));
        }
        if (chunk.error() != null) {
            throw streamError(chunk.error());
        }
        List<ProviderChunk> chunks = new ArrayList<>(1);
        addText(chunks, chunk.content());
        addText(chunks, chunk.refusal());
        if (chunk.toolCalls() != null) {
            for (JsonNode call : chunk.toolCalls()) {
                JsonNode function = call.path("function");
                toolCalls.add(call.path("index").asInt(0), call.path("id").stringValue(null),
                        function.path("name").stringValue(null), function.path("arguments").stringValue(null));
            }
        }
        String reason = chunk.finishReason();
        if (reason != null) {
            finishReason = reason;
            chunks.addAll(toolCalls.drain());
        }
        if (chunk.usage() != null) {
            usage = OpenAiUsage.CHAT_COMPLETIONS.read(chunk.usage());
        }
        return chunks;
    }

    /** A stream that ended without {@code [DONE]} is complete once a choice had its finish reason. */
    @Override
    protected List<ProviderChunk> finishWithoutEnd() {
        return finishReason == null ? super.finishWithoutEnd() : finished();
    }

    private List<ProviderChunk> finished() {
        List<ProviderChunk> chunks = new ArrayList<>(toolCalls.drain());
        chunks.add(ProviderChunk.finish(finishReason, usage));
        return chunks;
    }

    /** An error reported mid-stream; a server error may be retried if nothing reached the caller yet. */
    private ProviderException streamError(JsonNode error) {
        String type = error.path("type").stringValue(null);
        return json().reportedError(type, error.path("message").stringValue(null), error, "server_error".equals(type));
    }

    private static void addText(List<ProviderChunk> chunks, String text) {
        if (text != null && !text.isEmpty()) {
            chunks.add(ProviderChunk.text(text));
        }
    }
}
