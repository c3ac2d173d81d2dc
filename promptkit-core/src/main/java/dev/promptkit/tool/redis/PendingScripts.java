package dev.promptkit.tool.redis;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.springframework.data.redis.core.script.RedisScript;

/** The Lua scripts behind {@link RedisPendingStore}; Redis runs each one atomically. */
final class PendingScripts {

    static final RedisScript<Long> ADD = script("add.lua", Long.class);
    static final RedisScript<String> CLAIM = script("claim.lua", String.class);
    static final RedisScript<List<Object>> LIST = script("list.lua", List.class);

    private PendingScripts() {
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static <T> RedisScript<T> script(String name, Class resultType) {
        try (InputStream in = PendingScripts.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("Lua script " + name + " is missing from the classpath");
            }
            return RedisScript.of(new String(in.readAllBytes(), StandardCharsets.UTF_8), resultType);
        }
        catch (IOException e) {
            throw new UncheckedIOException("Could not read Lua script " + name, e);
        }
    }
}
