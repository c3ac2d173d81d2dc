/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.redis;

import dev.promptkit.state.StoreUnavailableException;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeoutException;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.data.redis.RedisConnectionFailureException;
import org.springframework.data.redis.connection.ReactiveRedisConnectionFactory;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The Redis side of a Redis store: validates the connections and key prefix every store takes, holds the
 * string template on them, runs the store's commands and Lua scripts within the store's time-out, and turns any
 * failure into an exception naming the store, the operation, and what Redis (or Lettuce) said: a
 * {@link StoreUnavailableException} when Redis could not be reached or did not answer in time, else the store's
 * own exception.
 *
 * @since 0.1.0
 */
public final class RedisStoreClient {

    /** How long a store waits for Redis by default: well above a healthy Redis, well below Lettuce's 60 s. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(3);

    private final ReactiveStringRedisTemplate redis;
    private final String store;
    private final Duration timeout;
    private final BiFunction<String, Throwable, ? extends RuntimeException> exceptions;

    /**
     * @param connections the Redis connections; not {@code null}
     * @param keyPrefix the store's key prefix; checked to be neither {@code null} nor blank
     * @param store the store's name in messages, such as {@code Redis state store}
     * @param timeout the longest wait for one operation; positive
     * @param exceptions makes the store's exception from a message and its cause
     */
    public RedisStoreClient(ReactiveRedisConnectionFactory connections, String keyPrefix, String store,
            Duration timeout, BiFunction<String, Throwable, ? extends RuntimeException> exceptions) {
        Objects.requireNonNull(connections, "connections");
        Objects.requireNonNull(keyPrefix, "keyPrefix");
        if (keyPrefix.isBlank()) {
            throw new IllegalArgumentException("keyPrefix must not be blank");
        }
        if (timeout == null || timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("timeout must be positive, was " + timeout);
        }
        this.redis = new ReactiveStringRedisTemplate(connections);
        this.store = store;
        this.timeout = timeout;
        this.exceptions = exceptions;
    }

    /** Runs {@code script} atomically on {@code keys} with {@code arguments}, within the time-out. */
    public <T> Flux<T> run(RedisScript<T> script, List<String> keys, List<String> arguments) {
        return redis.execute(script, keys, arguments).timeout(timeout);
    }

    /** Runs commands that are not scripts on the template, within the time-out. */
    public <T> Mono<T> call(Function<ReactiveStringRedisTemplate, Mono<T>> commands) {
        return Mono.defer(() -> commands.apply(redis)).timeout(timeout);
    }

    /**
     * For {@code onErrorMap}: the exception for a failure of {@code operation} ("load conversation 'x'"), a
     * {@link StoreUnavailableException} when Redis was unreachable or silent.
     */
    public Function<Throwable, Throwable> failure(String operation) {
        return error -> {
            if (unreachable(error)) {
                String why = error instanceof TimeoutException ? "Redis did not answer within " + timeout.toMillis()
                        + " ms" : describe(error);
                return new StoreUnavailableException(store + " could not " + operation + ": " + why, error);
            }
            return exceptions.apply(store + " could not " + operation + ": " + describe(error), error);
        };
    }

    private static boolean unreachable(Throwable error) {
        return error instanceof TimeoutException || error instanceof RedisConnectionFailureException
                || error instanceof QueryTimeoutException;
    }

    /** Spring's message is generic ("Unable to connect to Redis"); the Lettuce cause says where and what. */
    private static String describe(Throwable error) {
        Throwable cause = error.getCause();
        if (cause == null || cause.getMessage() == null || cause.getMessage().equals(error.getMessage())) {
            return String.valueOf(error.getMessage());
        }
        return error.getMessage() + " (" + cause.getMessage() + ")";
    }
}
