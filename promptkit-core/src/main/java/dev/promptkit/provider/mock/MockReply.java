/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.provider.mock;

import dev.promptkit.provider.ProviderChunk;
import dev.promptkit.types.ContentPart;
import dev.promptkit.types.TokenUsage;
import dev.promptkit.types.ToolCall;
import java.util.List;
import reactor.core.publisher.Flux;
import reactor.core.publisher.SynchronousSink;

/**
 * One answer of the mock provider as a stream: the reasoning in chunks of at most {@code chunkSize} UTF-16
 * characters, the text in chunks of at most {@code chunkSize} UTF-16 characters, then one chunk per media part (a
 * multimodal turn's images, audio, video and documents), then one chunk per tool call, then the finish chunk
 * ({@code tool_calls} when there are tool
 * calls, else {@code stop}) with the usage. A chunk boundary never splits a surrogate pair: such a chunk is
 * one character shorter (or, with a chunk size of 1, one longer).
 */
final class MockReply {

    static final String FINISH_STOP = "stop";
    static final String FINISH_TOOL_CALLS = "tool_calls";

    private final String reasoning;
    private final String text;
    private final List<ContentPart> media;
    private final List<ToolCall> toolCalls;
    private final ProviderChunk finish;
    private final int chunkSize;

    MockReply(String reasoning, String text, List<ContentPart> media, List<ToolCall> toolCalls, TokenUsage usage,
            int chunkSize) {
        this.reasoning = reasoning;
        this.text = text;
        this.media = List.copyOf(media);
        this.toolCalls = List.copyOf(toolCalls);
        this.finish = ProviderChunk.finish(toolCalls.isEmpty() ? FINISH_STOP : FINISH_TOOL_CALLS, usage);
        this.chunkSize = chunkSize;
    }

    /**
     * The chunks, generated lazily on the subscriber's thread as demand arrives; nothing is allocated per
     * chunk beyond the chunk and its text.
     */
    Flux<ProviderChunk> chunks() {
        return Flux.generate(Cursor::new, this::emitNext);
    }

    private Cursor emitNext(Cursor cursor, SynchronousSink<ProviderChunk> sink) {
        if (cursor.reasoningOffset < reasoning.length()) {
            int end = chunkEnd(reasoning, cursor.reasoningOffset);
            sink.next(ProviderChunk.reasoning(reasoning.substring(cursor.reasoningOffset, end)));
            cursor.reasoningOffset = end;
        }
        else if (cursor.textOffset < text.length()) {
            int end = chunkEnd(text, cursor.textOffset);
            sink.next(ProviderChunk.text(text.substring(cursor.textOffset, end)));
            cursor.textOffset = end;
        }
        else if (cursor.mediaIndex < media.size()) {
            sink.next(ProviderChunk.media(media.get(cursor.mediaIndex++)));
        }
        else if (cursor.toolCallIndex < toolCalls.size()) {
            sink.next(ProviderChunk.toolCall(toolCalls.get(cursor.toolCallIndex++)));
        }
        else {
            sink.next(finish);
            sink.complete();
        }
        return cursor;
    }

    private int chunkEnd(String text, int start) {
        if (text.length() - start <= chunkSize) {
            return text.length();
        }
        int end = start + chunkSize;
        if (Character.isHighSurrogate(text.charAt(end - 1)) && Character.isLowSurrogate(text.charAt(end))) {
            return end - 1 > start ? end - 1 : end + 1;
        }
        return end;
    }

    /** How far one subscription has got. */
    private static final class Cursor {
        private int reasoningOffset;
        private int textOffset;
        private int mediaIndex;
        private int toolCallIndex;
    }
}
