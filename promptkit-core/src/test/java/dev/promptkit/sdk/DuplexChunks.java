/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.sdk;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

/** Test helpers for a duplex conversation's {@link DuplexConversation#response()}. */
final class DuplexChunks {

    static final long TIMEOUT_SECONDS = 10;

    private DuplexChunks() {
    }

    /** Subscribes to the response, runs {@code action}, and returns the chunks up to the {@code turns}th turn's end. */
    static List<StreamChunk> untilTurns(DuplexConversation chat, int turns, Runnable action) {
        AtomicInteger completed = new AtomicInteger();
        CompletableFuture<List<StreamChunk>> chunks = chat.response()
                .takeUntil(chunk -> chunk.type() == StreamChunk.Type.TURN_COMPLETE
                        && completed.incrementAndGet() == turns)
                .collectList().toFuture();
        action.run();
        try {
            return chunks.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        }
        catch (Exception failed) {
            throw new AssertionError("the duplex response did not reach turn " + turns, failed);
        }
    }

    /** The text of the chunks of one type, joined. */
    static String text(List<StreamChunk> chunks, StreamChunk.Type type) {
        return chunks.stream().filter(chunk -> chunk.type() == type).map(StreamChunk::text)
                .collect(Collectors.joining());
    }
}
