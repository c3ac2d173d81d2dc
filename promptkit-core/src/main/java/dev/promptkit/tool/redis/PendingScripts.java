/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.tool.redis;

import dev.promptkit.state.redis.LuaScripts;
import java.util.List;
import org.springframework.data.redis.core.script.RedisScript;

/**
 * The Lua scripts behind {@link RedisPendingStore}, each with the shared prelude; Redis runs each one atomically. Each
 * takes keys of one conversation only, which share a hash tag, so each runs on Redis Cluster too.
 */
final class PendingScripts {

    static final RedisScript<Long> ADD = script("add.lua", Long.class);
    static final RedisScript<String> CLAIM = script("claim.lua", String.class);
    static final RedisScript<Long> COMPLETE = script("complete.lua", Long.class);
    static final RedisScript<List<Object>> LIST = script("list.lua", List.class);
    static final RedisScript<Long> REMOVE = script("remove.lua", Long.class);
    static final RedisScript<Long> RELEASE = script("release.lua", Long.class);

    private PendingScripts() {
    }

    private static <T> RedisScript<T> script(String name, Class<?> resultType) {
        return LuaScripts.load(PendingScripts.class, resultType, "prelude.lua", name);
    }
}
