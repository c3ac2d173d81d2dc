/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.redis;

import java.util.List;
import java.util.Objects;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.springframework.data.redis.connection.ReactiveRedisConnectionFactory;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import reactor.core.publisher.Flux;

/**
 * The Redis side of a Redis store: validates the connections and key prefix every store takes, holds the
 * string template on them, runs the store's Lua scripts, and turns any failure into the store's own exception
 * with a message naming the store, the operation, and what Redis (or Lettuce) said.
 *
 * @since 0.1.0
 */
public final class RedisStoreClient {

    private final ReactiveStringRedisTemplate redis;
    private final String store;
    private final BiFunction<String, Throwable, ? extends RuntimeException> exceptions;

    /**
     * @param connections the Redis connections; not {@code null}
     * @param keyPrefix the store's key prefix; checked to be neither {@code null} nor blank
     * @param store the store's name in messages, such as {@code Redis state store}
     * @param exceptions makes the store's exception from a message and its cause
     */
    public RedisStoreClient(ReactiveRedisConnectionFactory connections, String keyPrefix, String store,
            BiFunction<String, Throwable, ? extends RuntimeException> exceptions) {
        Objects.requireNonNull(connections, "connections");
        Objects.requireNonNull(keyPrefix, "keyPrefix");
        if (keyPrefix.isBlank()) {
            throw new IllegalArgumentException("keyPrefix must not be blank");
        }
        this.redis = new ReactiveStringRedisTemplate(connections);
        this.store = store;
        this.exceptions = exceptions;
    }

    /** The template, for the commands that are not scripts. */
    public ReactiveStringRedisTemplate template() {
        return redis;
    }

    /** Runs {@code script} atomically on {@code keys} with {@code arguments}. */
    public <T> Flux<T> run(RedisScript<T> script, List<String> keys, List<String> arguments) {
        return redis.execute(script, keys, arguments);
    }

    /** For {@code onErrorMap}: the store's exception for a failure of {@code operation} ("load conversation 'x'"). */
    public Function<Throwable, Throwable> failure(String operation) {
        return error -> exceptions.apply(store + " could not " + operation + ": " + describe(error), error);
    }

    /** Spring's message is generic ("Unable to connect to Redis"); the Lettuce cause says where and what. */
    private static String describe(Throwable error) {
        Throwable cause = error.getCause();
        if (cause == null || cause.getMessage() == null || cause.getMessage().equals(error.getMessage())) {
            return error.getMessage();
        }
        return error.getMessage() + " (" + cause.getMessage() + ")";
    }
}
