package dev.promptkit.state.redis;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
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

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static <T> RedisScript<T> script(String name, Class resultType) {
        return RedisScript.of(text("prelude.lua") + text(name), resultType);
    }

    private static String text(String name) {
        try (InputStream in = ConversationScripts.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("Lua script " + name + " is missing from the classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        catch (IOException e) {
            throw new UncheckedIOException("Could not read Lua script " + name, e);
        }
    }
}
