/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.provider.anthropic;

import dev.promptkit.provider.ProviderChunk;
import dev.promptkit.types.OpaqueReasoning;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The thinking blocks of one streamed message. A {@code thinking} block's {@code thinking_delta}s are passed on as
 * reasoning as they come, and its text and {@code signature_delta} are kept; at its {@code content_block_stop} the
 * block becomes one opaque token (signature and text), which the request encoder sends back unchanged on the next
 * round, as the API requires for a turn that called tools. A {@code redacted_thinking} block's encrypted
 * {@code data} becomes an opaque token at once.
 */
final class ThinkingBlocks {

    /** The provider recorded on the tokens, so that only the Messages API replays them. */
    static final String PROVIDER = AnthropicProvider.TYPE;

    private final Map<Integer, Block> open = new HashMap<>();

    /** Starts the block at {@code index} if it is a thinking block; returns what it emits at once. */
    List<ProviderChunk> start(int index, String type, String thinking, String data) {
        switch (type) {
            case "thinking" -> {
                Block block = new Block();
                open.put(index, block);
                return block.append(thinking);
            }
            case "redacted_thinking" -> {
                return List.of(ProviderChunk.opaqueReasoning(
                        new OpaqueReasoning(PROVIDER, OpaqueReasoning.REDACTED_THINKING, data, null)));
            }
            default -> {
                return List.of();
            }
        }
    }

    /** A {@code thinking_delta}: passed on as reasoning. */
    List<ProviderChunk> thinking(int index, String text) {
        Block block = open.get(index);
        return block == null ? List.of() : block.append(text);
    }

    /** A {@code signature_delta}. */
    void signature(int index, String signature) {
        Block block = open.get(index);
        if (block != null) {
            block.signature.append(signature);
        }
    }

    /** Ends the block at {@code index}; a thinking block gives its token, anything else nothing. */
    List<ProviderChunk> stop(int index) {
        Block block = open.remove(index);
        if (block == null) {
            return List.of();
        }
        return List.of(ProviderChunk.opaqueReasoning(new OpaqueReasoning(PROVIDER,
                OpaqueReasoning.THINKING_SIGNATURE, block.signature.toString(), block.text.toString())));
    }

    /** One thinking block being streamed. */
    private static final class Block {
        private final StringBuilder text = new StringBuilder();
        private final StringBuilder signature = new StringBuilder();

        List<ProviderChunk> append(String piece) {
            if (piece.isEmpty()) {
                return List.of();
            }
            text.append(piece);
            return List.of(ProviderChunk.reasoning(piece));
        }
    }
}
