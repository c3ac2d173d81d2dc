/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.provider.openai;

import dev.promptkit.provider.AnswerLimits;
import dev.promptkit.provider.ProviderChunk;
import dev.promptkit.types.ToolCall;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Assembles streamed tool-call deltas by their {@code index}: the id and name arrive with the first
 * delta of an index, the JSON arguments in pieces across later ones, held within the {@link AnswerLimits}.
 * Not thread-safe: one per stream.
 */
final class ToolCallAccumulator {

    private final SortedMap<Integer, PendingCall> calls = new TreeMap<>();
    private final AnswerLimits.HeldArguments held;

    ToolCallAccumulator(AnswerLimits.HeldArguments held) {
        this.held = held;
    }

    /** Adds one delta; any of {@code id}, {@code name} and {@code arguments} may be {@code null}. */
    void add(int index, String id, String name, String arguments) {
        PendingCall call = calls.computeIfAbsent(index, PendingCall::new);
        if (call.id == null) {
            call.id = id;
        }
        if (call.name == null) {
            call.name = name;
        }
        if (arguments != null) {
            held.add(arguments.length());
            call.arguments.append(arguments);
        }
    }

    /** The calls assembled so far, in index order, as chunks; forgets them. */
    List<ProviderChunk> drain() {
        List<ProviderChunk> complete = new ArrayList<>(calls.size());
        for (PendingCall call : calls.values()) {
            complete.add(ProviderChunk.toolCall(call.toToolCall()));
        }
        calls.clear();
        held.clear();
        return complete;
    }

    private static final class PendingCall {
        private final int index;
        private final StringBuilder arguments = new StringBuilder();
        private String id;
        private String name;

        PendingCall(int index) {
            this.index = index;
        }

        /** Compatible servers that omit the id get {@code call_<index>}, so that results can refer to it. */
        ToolCall toToolCall() {
            return ToolCall.fromRawArguments(id != null ? id : "call_" + index, name, arguments.toString());
        }
    }
}
