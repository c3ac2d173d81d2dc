/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.state.redis;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.springframework.data.redis.core.script.RedisScript;

/**
 * Loads the Lua scripts of a Redis store from the classpath, next to a class of its package.
 *
 * <p><strong>Internal:</strong> what the Redis stores share; not part of the supported API (see the package
 * documentation).
 *
 * @since 0.1.0
 */
public final class LuaScripts {

    private LuaScripts() {
    }

    /**
     * The script made of the resources {@code names}, in order, read relative to {@code anchor}.
     *
     * @throws IllegalStateException when one is missing
     */
    @SuppressWarnings({"unchecked", "rawtypes"})
    public static <T> RedisScript<T> load(Class<?> anchor, Class resultType, String... names) {
        StringBuilder text = new StringBuilder();
        for (String name : names) {
            text.append(text(anchor, name));
        }
        return RedisScript.of(text.toString(), resultType);
    }

    private static String text(Class<?> anchor, String name) {
        try (InputStream in = anchor.getResourceAsStream(name)) {
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
