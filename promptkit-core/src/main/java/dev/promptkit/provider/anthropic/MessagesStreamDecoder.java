/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.provider.anthropic;

import dev.promptkit.provider.AnswerLimits;
import dev.promptkit.provider.ProviderChunk;
import dev.promptkit.provider.ProviderException;
import dev.promptkit.provider.http.EndMarkedStreamDecoder;
import dev.promptkit.provider.http.SseEvent;
import dev.promptkit.provider.http.StreamJson;
import dev.promptkit.types.TokenUsage;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * Decodes one Messages API stream. {@code message_start} brings the input and cache usage;
 * {@code text_delta}s are emitted as they come; a {@code tool_use} block's {@code input_json_delta}s are
 * assembled and the call emitted at its {@code content_block_stop}; {@code message_delta} brings the stop
 * reason and output usage; {@code message_stop} ends the stream with the one finish chunk. An
 * {@code error} event fails the stream. Thinking blocks stream as reasoning and end as opaque tokens
 * ({@link ThinkingBlocks}). {@code ping}, citations and event types added to the API later are ignored.
 *
 * <p>Stop reasons are mapped to the Chat Completions names the rest of PromptKit uses: {@code end_turn}
 * and {@code stop_sequence} to {@code stop}, {@code tool_use} to {@code tool_calls}, {@code max_tokens}
 * to {@code length}; any other ({@code pause_turn}, {@code refusal}, ...) is passed on as it is.
 */
final class MessagesStreamDecoder extends EndMarkedStreamDecoder<SseEvent> {

    /** The in-stream twins of the HTTP failures worth retrying: 529, 500, 504 and 429. */
    private static final Set<String> RETRYABLE_ERRORS = Set.of("overloaded_error", "api_error", "timeout_error",
            "rate_limit_error");

    private final ToolUseBlocks toolUses;
    private final ThinkingBlocks thinking = new ThinkingBlocks();
    private long inputTokens;
    private long outputTokens;
    private long cacheReadTokens;
    private long cacheWriteTokens;
    private long thinkingTokens;
    private String stopReason;

    MessagesStreamDecoder(String provider, AnswerLimits limits) {
        super(StreamJson.events(provider));
        this.toolUses = new ToolUseBlocks(limits.heldArguments(provider));
    }

    @Override
    protected List<ProviderChunk> decodeBeforeEnd(SseEvent event) {
        JsonNode data = json().parse(event.data());
        return switch (text(data.path("type"))) {
            case "message_start" -> {
                readUsage(data.path("message").path("usage"));
                yield List.of();
            }
            case "content_block_start" -> blockStart(data.path("index").asInt(), data.path("content_block"));
            case "content_block_delta" -> blockDelta(data.path("index").asInt(), data.path("delta"));
            case "content_block_stop" -> {
                ProviderChunk call = toolUses.stop(data.path("index").asInt());
                yield call == null ? thinking.stop(data.path("index").asInt()) : List.of(call);
            }
            case "message_delta" -> {
                String reason = text(data.path("delta").path("stop_reason"));
                if (!reason.isEmpty()) {
                    stopReason = reason;
                }
                readUsage(data.path("usage"));
                yield List.of();
            }
            case "message_stop" -> {
                end();
                List<ProviderChunk> chunks = new ArrayList<>(toolUses.drain());
                chunks.add(ProviderChunk.finish(finishReason(stopReason), usage()));
                yield chunks;
            }
            case "error" -> throw streamError(data.path("error"));
            default -> List.of();
        };
    }

    private List<ProviderChunk> blockStart(int index, JsonNode block) {
        switch (text(block.path("type"))) {
            case "tool_use" -> toolUses.start(index, text(block.path("id")), text(block.path("name")));
            case "text" -> {
                return textChunk(block.path("text"));
            }
            default -> {
                return thinking.start(index, text(block.path("type")), text(block.path("thinking")),
                        text(block.path("data")));
            }
        }
        return List.of();
    }

    private List<ProviderChunk> blockDelta(int index, JsonNode delta) {
        switch (text(delta.path("type"))) {
            case "text_delta" -> {
                return textChunk(delta.path("text"));
            }
            case "input_json_delta" -> toolUses.append(index, text(delta.path("partial_json")));
            case "thinking_delta" -> {
                return thinking.thinking(index, text(delta.path("thinking")));
            }
            case "signature_delta" -> thinking.signature(index, text(delta.path("signature")));
            default -> {
                // citations_delta and deltas added to the API later
            }
        }
        return List.of();
    }

    /** Reads the counts a usage object carries; {@code message_delta} repeats them cumulatively. */
    private void readUsage(JsonNode usage) {
        inputTokens = usage.path("input_tokens").asLong(inputTokens);
        outputTokens = usage.path("output_tokens").asLong(outputTokens);
        cacheReadTokens = usage.path("cache_read_input_tokens").asLong(cacheReadTokens);
        cacheWriteTokens = usage.path("cache_creation_input_tokens").asLong(cacheWriteTokens);
        thinkingTokens = usage.path("output_tokens_details").path("thinking_tokens").asLong(thinkingTokens);
    }

    private TokenUsage usage() {
        return new TokenUsage(inputTokens, outputTokens, cacheReadTokens, cacheWriteTokens, thinkingTokens);
    }

    private static String finishReason(String stopReason) {
        if (stopReason == null) {
            return null;
        }
        return switch (stopReason) {
            case "end_turn", "stop_sequence" -> "stop";
            case "tool_use" -> "tool_calls";
            case "max_tokens" -> "length";
            default -> stopReason;
        };
    }

    /** An error reported mid-stream; an overload or server error may be retried if nothing reached the caller. */
    private ProviderException streamError(JsonNode error) {
        String type = text(error.path("type"));
        return json().reportedError(type, text(error.path("message")), error, RETRYABLE_ERRORS.contains(type));
    }

    private static List<ProviderChunk> textChunk(JsonNode text) {
        return text.isString() && !text.stringValue().isEmpty() ? List.of(ProviderChunk.text(text.stringValue()))
                : List.of();
    }

    private static String text(JsonNode node) {
        return node.isString() ? node.stringValue() : "";
    }
}
