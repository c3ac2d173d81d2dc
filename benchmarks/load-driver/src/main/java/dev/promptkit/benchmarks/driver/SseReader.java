/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.benchmarks.driver;

/**
 * Reads an SSE body as it arrives: counts {@code data:} lines other than {@code [DONE]} as chunks, notes
 * when the first one came, and whether the stream ended with {@code [DONE]}.
 */
final class SseReader {
    private final long start;
    private final StringBuilder pending = new StringBuilder();
    private long firstChunkNanos = -1;
    private int chunks;
    private boolean done;
    private ToolCallCollector toolCall;
    private volatile String conversationId;

    SseReader(long start) {
        this.start = start;
    }

    void conversationId(String id) {
        if (id != null) {
            conversationId = id;
        }
    }

    SseReader collectingToolCall() {
        toolCall = new ToolCallCollector();
        return this;
    }

    ToolCallCollector toolCall() {
        return toolCall;
    }

    void feed(String text) {
        pending.append(text);
        int newline;
        while ((newline = pending.indexOf("\n")) >= 0) {
            String line = pending.substring(0, newline);
            pending.delete(0, newline + 1);
            if (line.endsWith("\r")) {
                line = line.substring(0, line.length() - 1);
            }
            if (!line.startsWith("data:")) {
                continue;
            }
            String data = line.substring(5).stripLeading();
            if (data.equals("[DONE]")) {
                done = true;
                continue;
            }
            if (firstChunkNanos < 0) {
                firstChunkNanos = System.nanoTime() - start;
            }
            chunks++;
            if (toolCall != null) {
                toolCall.accept(data);
            }
        }
    }

    SseReader finish() {
        if (!done) {
            throw new IllegalStateException("stream ended without [DONE]");
        }
        if (chunks == 0) {
            throw new IllegalStateException("stream had no chunks");
        }
        return this;
    }

    LoadDriver.Result result(long totalNanos, String error) {
        return new LoadDriver.Result(error == null, start, firstChunkNanos, totalNanos, chunks, error, conversationId);
    }
}
