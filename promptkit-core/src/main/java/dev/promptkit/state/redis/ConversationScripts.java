/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.state.redis;

import java.util.List;
import org.springframework.data.redis.core.script.RedisScript;

/**
 * The Lua scripts behind {@link RedisStateStore}, each with the shared prelude ({@code prelude.lua}) prepended.
 * Redis runs a script atomically, so every operation on one conversation is all or nothing; each takes the keys of
 * one conversation only, which share a hash tag, so each runs on Redis Cluster too.
 */
final class ConversationScripts {

    static final RedisScript<List<Object>> LOAD = script("load.lua", List.class);
    static final RedisScript<Long> APPEND = script("append.lua", Long.class);
    static final RedisScript<Long> SAVE = script("save.lua", Long.class);
    static final RedisScript<Long> DELETE = script("delete.lua", Long.class);

    private ConversationScripts() {
    }

    private static <T> RedisScript<T> script(String name, Class<?> resultType) {
        return LuaScripts.load(ConversationScripts.class, resultType, "prelude.lua", name);
    }
}
