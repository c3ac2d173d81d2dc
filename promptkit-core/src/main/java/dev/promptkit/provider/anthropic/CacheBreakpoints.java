/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.provider.anthropic;

import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Anthropic prompt caching: {@code "cache_control": {"type": "ephemeral"}} breakpoints on a Messages API body, at
 * most three of the four the API allows: on the last tool, on the system prompt (written as one text block for it)
 * and on the last block of the last message, so that each request reads the conversation so far from the cache
 * and writes only what is new. The API caches only prompts of at least 1024 tokens (2048 on Haiku models) and
 * ignores breakpoints below that, so none are set on a body whose prompt text is shorter than
 * {@value #MIN_PROMPT_CHARS} characters (about 1024 tokens): a short prompt is sent exactly as without caching.
 * Thinking blocks cannot carry a breakpoint: a message ending in one gets none.
 */
final class CacheBreakpoints {

    /** About 1024 tokens at four characters a token, the least the API caches. */
    static final int MIN_PROMPT_CHARS = 4096;

    private static final Set<String> UNMARKABLE = Set.of("thinking", "redacted_thinking");

    private CacheBreakpoints() {
    }

    /** Marks {@code body} when its prompt is long enough to be cached. */
    static void mark(ObjectNode body) {
        if (promptChars(body) < MIN_PROMPT_CHARS) {
            return;
        }
        JsonNode tools = body.path("tools");
        if (tools.isArray() && !tools.isEmpty()) {
            breakpoint((ObjectNode) tools.get(tools.size() - 1));
        }
        JsonNode system = body.path("system");
        if (system.isString()) {
            ArrayNode blocks = body.putArray("system");
            breakpoint(blocks.addObject().put("type", "text").put("text", system.stringValue()));
        }
        JsonNode messages = body.path("messages");
        if (messages.isArray() && !messages.isEmpty()) {
            markLastBlock((ObjectNode) messages.get(messages.size() - 1));
        }
    }

    private static void markLastBlock(ObjectNode message) {
        JsonNode content = message.path("content");
        if (content.isString()) {
            ArrayNode blocks = message.putArray("content");
            breakpoint(blocks.addObject().put("type", "text").put("text", content.stringValue()));
        }
        else if (content.isArray() && !content.isEmpty()) {
            ObjectNode last = (ObjectNode) content.get(content.size() - 1);
            if (!UNMARKABLE.contains(last.path("type").asString(""))) {
                breakpoint(last);
            }
        }
    }

    private static void breakpoint(ObjectNode block) {
        block.putObject("cache_control").put("type", "ephemeral");
    }

    /** The length of the body's tools, system prompt and messages as JSON text, a cheap stand-in for tokens. */
    private static int promptChars(ObjectNode body) {
        return body.path("tools").toString().length() + body.path("system").toString().length()
                + body.path("messages").toString().length();
    }
}
