/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.state.redis;

import java.util.List;

/**
 * Names the Redis keys of a conversation under a prefix, in the order the Lua scripts take them:
 * {@code {prefix}:conversation:{id}:meta}, {@code …:messages} and {@code …:metadata}.
 */
record ConversationKeys(String prefix) {

    List<String> of(String conversationId) {
        String base = prefix + ":conversation:" + conversationId;
        return List.of(base + ":meta", base + ":messages", base + ":metadata");
    }
}
