/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.provider.anthropic;

import dev.promptkit.provider.AnswerLimits;
import dev.promptkit.provider.ProviderChunk;
import dev.promptkit.types.ToolCall;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Assembles streamed {@code tool_use} content blocks by their {@code index}: the id and name arrive with
 * {@code content_block_start}, the input as {@code input_json_delta} fragments (held within the
 * {@link AnswerLimits}), and the call is complete at {@code content_block_stop}. Fragments for any other block (a server tool's, say) are ignored. Not
 * thread-safe: one per stream.
 */
final class ToolUseBlocks {

    private final SortedMap<Integer, PendingCall> open = new TreeMap<>();
    private final AnswerLimits.HeldArguments held;

    ToolUseBlocks(AnswerLimits.HeldArguments held) {
        this.held = held;
    }

    void start(int index, String id, String name) {
        open.put(index, new PendingCall(id, name));
    }

    void append(int index, String partialJson) {
        PendingCall call = open.get(index);
        if (call != null) {
            held.add(partialJson.length());
            call.input.append(partialJson);
        }
    }

    /** The call the block at {@code index} completes, or {@code null} when it is not a tool_use block. */
    ProviderChunk stop(int index) {
        PendingCall call = open.remove(index);
        if (call == null) {
            return null;
        }
        held.release(call.input.length());
        return call.toChunk();
    }

    /** The calls of blocks never stopped, in index order; forgets them. */
    List<ProviderChunk> drain() {
        List<ProviderChunk> calls = new ArrayList<>(open.size());
        open.values().forEach(call -> calls.add(call.toChunk()));
        open.clear();
        held.clear();
        return calls;
    }

    private static final class PendingCall {
        private final String id;
        private final String name;
        private final StringBuilder input = new StringBuilder();

        PendingCall(String id, String name) {
            this.id = id;
            this.name = name;
        }

        ProviderChunk toChunk() {
            return ProviderChunk.toolCall(ToolCall.fromRawArguments(id, name, input.toString()));
        }
    }
}
