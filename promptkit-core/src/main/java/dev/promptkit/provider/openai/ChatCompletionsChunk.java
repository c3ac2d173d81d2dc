/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.provider.openai;

import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.json.JsonMapper;

/**
 * The fields of one {@code chat.completion.chunk} event that the decoder uses, and nothing else.
 *
 * <p>Most events of a stream are a text delta of a few characters in a payload of some 300 bytes, so building
 * the whole payload as a tree (a map per object, a node per value) cost more than everything else the provider
 * layer does per chunk. {@link #read} therefore picks the fields out of the token stream and skips the rest. It
 * handles the common shapes only and returns {@code null} for anything else; the decoder then reads the payload
 * as a tree with {@link #of}, which defines what the fields mean. Keep the two in step: for every payload that
 * {@link #read} accepts it must give what {@link #of} gives. That is why {@link #read} gives up on an error
 * object (the stream fails anyway), on a field it uses given twice (which occurrence a tree keeps is the tree's
 * business) and on a payload that is not one object.
 *
 * @param content the text of {@code choices[0].delta.content}, or {@code null} when that is no string
 * @param refusal the text of {@code choices[0].delta.refusal}, or {@code null} when that is no string
 * @param toolCalls {@code choices[0].delta.tool_calls} as sent (its elements, or an object's values, are the
 *     calls), or {@code null} when it holds none
 * @param finishReason {@code choices[0].finish_reason}, or {@code null} when that is no string
 * @param usage the {@code usage} object, or {@code null} when that is no object
 * @param error the {@code error} object, or {@code null} when that is no object
 */
record ChatCompletionsChunk(String content, String refusal, JsonNode toolCalls, String finishReason, JsonNode usage,
        JsonNode error) {

    /**
     * Reads one value of a payload as a tree, leaving the parser on its last token. Trailing tokens are the rest
     * of the payload here, not an error, so that check (on by default) is off; {@link #read} checks the end.
     */
    private static final ObjectReader SUBTREES = JsonMapper.shared().reader()
            .without(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    /** The fields of a payload read as a tree. */
    static ChatCompletionsChunk of(JsonNode chunk) {
        JsonNode choice = chunk.path("choices").path(0);
        JsonNode delta = choice.path("delta");
        JsonNode toolCalls = delta.path("tool_calls");
        JsonNode usage = chunk.path("usage");
        JsonNode error = chunk.path("error");
        return new ChatCompletionsChunk(string(delta.path("content")), string(delta.path("refusal")),
                toolCalls.isContainer() ? toolCalls : null, choice.path("finish_reason").stringValue(null),
                usage.isObject() ? usage : null, error.isObject() ? error : null);
    }

    /**
     * The fields of a payload read from its tokens, or {@code null} when the payload is not one plain object
     * that this reader handles (see the class comment).
     */
    static ChatCompletionsChunk read(JsonParser parser) {
        if (parser.nextToken() != JsonToken.START_OBJECT) {
            return null;
        }
        Builder chunk = new Builder();
        boolean seenChoices = false;
        boolean seenUsage = false;
        while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
            String name = parser.currentName();
            JsonToken value = parser.nextToken();
            switch (name) {
                case "choices" -> {
                    if (seenChoices || (value == JsonToken.START_ARRAY && !readChoices(parser, chunk))) {
                        return null;
                    }
                    seenChoices = true;
                }
                case "usage" -> {
                    if (seenUsage) {
                        return null;
                    }
                    seenUsage = true;
                    if (value == JsonToken.START_OBJECT) {
                        chunk.usage = SUBTREES.readTree(parser);
                    }
                }
                case "error" -> {
                    if (value == JsonToken.START_OBJECT) {
                        return null;
                    }
                }
                default -> {
                }
            }
            // a no-op on a scalar and on a value read above, which leaves the parser on its last token
            parser.skipChildren();
        }
        // what follows the object, if anything, is left to the tree reader to accept or reject
        return parser.nextToken() == null ? chunk.build() : null;
    }

    /** Reads the array of choices up to its end, keeping the first; {@code false} to give up. */
    private static boolean readChoices(JsonParser parser, Builder chunk) {
        JsonToken element = parser.nextToken();
        if (element == JsonToken.START_OBJECT && !readChoice(parser, chunk)) {
            return false;
        }
        while (element != JsonToken.END_ARRAY) {
            parser.skipChildren();
            element = parser.nextToken();
        }
        return true;
    }

    /** Reads one choice object up to its end; {@code false} to give up. */
    private static boolean readChoice(JsonParser parser, Builder chunk) {
        boolean seenDelta = false;
        boolean seenFinishReason = false;
        while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
            String name = parser.currentName();
            JsonToken value = parser.nextToken();
            if (name.equals("delta")) {
                if (seenDelta || (value == JsonToken.START_OBJECT && !readDelta(parser, chunk))) {
                    return false;
                }
                seenDelta = true;
            }
            else if (name.equals("finish_reason")) {
                if (seenFinishReason) {
                    return false;
                }
                seenFinishReason = true;
                chunk.finishReason = value == JsonToken.VALUE_STRING ? parser.getString() : null;
            }
            parser.skipChildren();
        }
        return true;
    }

    /** Reads one delta object up to its end; {@code false} to give up. */
    private static boolean readDelta(JsonParser parser, Builder chunk) {
        boolean seenContent = false;
        boolean seenRefusal = false;
        boolean seenToolCalls = false;
        while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
            String name = parser.currentName();
            JsonToken value = parser.nextToken();
            switch (name) {
                case "content" -> {
                    if (seenContent) {
                        return false;
                    }
                    seenContent = true;
                    chunk.content = value == JsonToken.VALUE_STRING ? parser.getString() : null;
                }
                case "refusal" -> {
                    if (seenRefusal) {
                        return false;
                    }
                    seenRefusal = true;
                    chunk.refusal = value == JsonToken.VALUE_STRING ? parser.getString() : null;
                }
                case "tool_calls" -> {
                    if (seenToolCalls) {
                        return false;
                    }
                    seenToolCalls = true;
                    // a scalar holds no calls, so only a container is worth a tree
                    if (value == JsonToken.START_ARRAY || value == JsonToken.START_OBJECT) {
                        chunk.toolCalls = SUBTREES.readTree(parser);
                    }
                }
                default -> {
                }
            }
            parser.skipChildren();
        }
        return true;
    }

    private static String string(JsonNode node) {
        return node.isString() ? node.stringValue() : null;
    }

    private static final class Builder {
        private String content;
        private String refusal;
        private JsonNode toolCalls;
        private String finishReason;
        private JsonNode usage;

        ChatCompletionsChunk build() {
            return new ChatCompletionsChunk(content, refusal, toolCalls, finishReason, usage, null);
        }
    }
}
