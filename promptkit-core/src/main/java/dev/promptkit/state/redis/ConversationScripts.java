/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.state.redis;

import dev.promptkit.redis.LuaScripts;
import java.util.List;
import org.springframework.data.redis.core.script.RedisScript;

/**
 * The Lua scripts behind {@link RedisStateStore}, one per operation, each with the shared prelude
 * ({@code prelude.lua}) prepended. Redis runs a script atomically, so every operation is all or nothing.
 */
final class ConversationScripts {

    static final RedisScript<List<Object>> LOAD = script("load.lua", List.class);
    static final RedisScript<Long> APPEND = script("append.lua", Long.class);
    static final RedisScript<Long> SAVE = script("save.lua", Long.class);
    static final RedisScript<Long> FORK = script("fork.lua", Long.class);

    private ConversationScripts() {
    }

    private static <T> RedisScript<T> script(String name, Class<?> resultType) {
        return LuaScripts.load(ConversationScripts.class, resultType, "prelude.lua", name);
    }
}
