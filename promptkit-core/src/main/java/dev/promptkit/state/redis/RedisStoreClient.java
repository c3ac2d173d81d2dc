/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.state.redis;

import dev.promptkit.state.StoreUnavailableException;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeoutException;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.data.redis.RedisConnectionFailureException;
import org.springframework.data.redis.connection.ReactiveRedisClusterConnection;
import org.springframework.data.redis.connection.ReactiveRedisConnectionFactory;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.data.redis.core.ScanOptions;
import org.springframework.data.redis.core.script.RedisScript;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The Redis side of a Redis store: holds the string template on the store's connections, runs the store's commands
 * and Lua scripts within the store's time-out, and turns any failure into an exception naming the store, the
 * operation, and what Redis (or Lettuce) said: a {@link StoreUnavailableException} when Redis could not be reached,
 * did not answer in time, or (for a {@linkplain #write write}) fewer replicas than required confirmed it; else the
 * store's own exception. Works the same on a single Redis, behind Sentinel and on Redis Cluster, whichever
 * Spring Data Redis connections it is given.
 *
 * <p><strong>Internal:</strong> what the Redis stores share; not part of the supported API (see the package
 * documentation).
 *
 * @since 0.1.0
 */
public final class RedisStoreClient {

    /** How long a store waits for Redis by default: well above a healthy Redis, well below Lettuce's 60 s. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(3);

    /**
     * The longest wait for replicas to confirm a write (or half the time-out, when shorter). A replica in sync
     * confirms within a round trip; a master without one must fail writes fast, since WAIT holds up every later
     * command of its connection, which the application shares.
     */
    public static final Duration REPLICA_WAIT = Duration.ofMillis(250);

    private static final Pattern TRANSIENT_REFUSAL = Pattern.compile(
            "(CLUSTERDOWN|TRYAGAIN|LOADING|MASTERDOWN|READONLY) |Connection disconnected|Connection closed"
                    + "|Currently not connected");

    private final ReactiveStringRedisTemplate redis;
    private final ReplicatedWrites replicatedWrites;
    private final String store;
    private final Duration timeout;
    private final BiFunction<String, Throwable, ? extends RuntimeException> exceptions;

    /**
     * @param connections the Redis connections; not {@code null}
     * @param store the store's name in messages, such as {@code Redis state store}
     * @param timeout the longest wait for one operation; positive
     * @param replicas how many replicas must confirm each {@linkplain #write write} (Redis {@code WAIT}, for at most
     *     {@link #REPLICA_WAIT}) before it counts as done; 0 not to wait
     * @param exceptions makes the store's exception from a message and its cause
     */
    public RedisStoreClient(ReactiveRedisConnectionFactory connections, String store, Duration timeout, int replicas,
            BiFunction<String, Throwable, ? extends RuntimeException> exceptions) {
        Objects.requireNonNull(connections, "connections");
        if (timeout == null || timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("timeout must be positive, was " + timeout);
        }
        if (replicas < 0) {
            throw new IllegalArgumentException("replicas must be 0 (no wait) or more, was " + replicas);
        }
        this.redis = new ReactiveStringRedisTemplate(connections);
        if (replicas > 0 && !(connections instanceof RedisConnectionFactory)) {
            throw new IllegalArgumentException("Waiting for " + replicas + " replica(s) needs connections that are"
                    + " also a RedisConnectionFactory (such as Spring Boot's LettuceConnectionFactory), not "
                    + connections.getClass().getName());
        }
        this.replicatedWrites = replicas == 0 ? null
                : new ReplicatedWrites((RedisConnectionFactory) connections, replicas,
                        REPLICA_WAIT.compareTo(timeout.dividedBy(2)) < 0 ? REPLICA_WAIT : timeout.dividedBy(2));
        this.store = store;
        this.timeout = timeout;
        this.exceptions = exceptions;
    }

    /** Runs {@code script}, which only reads (or slides times to live), atomically, within the time-out. */
    public <T> Flux<T> read(RedisScript<T> script, List<String> keys, List<String> arguments) {
        return redis.execute(script, keys, arguments).timeout(timeout);
    }

    /**
     * Runs {@code script}, which writes, atomically, within the time-out; its result comes once the required
     * replicas have its writes.
     */
    public <T> Flux<T> write(RedisScript<T> script, List<String> keys, List<String> arguments) {
        Flux<T> result = replicatedWrites == null ? redis.execute(script, keys, arguments)
                : replicatedWrites.execute(script, keys, arguments);
        return result.timeout(timeout);
    }

    /**
     * As {@link #write(RedisScript, List, List)}; but when the replicas do not confirm a write whose script returned
     * something, first runs {@code undo} (unconfirmed) on the same keys, then fails.
     */
    public <T> Flux<T> write(RedisScript<T> script, List<String> keys, List<String> arguments, RedisScript<?> undo) {
        return write(script, keys, arguments).onErrorResume(ReplicasNotConfirmedException.class,
                unconfirmed -> unconfirmed.results().isEmpty() ? Flux.error(unconfirmed)
                        : redis.execute(undo, keys, List.of()).timeout(timeout)
                                .thenMany(Flux.error(unconfirmed.undone())));
    }

    /** Runs commands that are not scripts on the template, within the time-out. */
    public <T> Mono<T> call(Function<ReactiveStringRedisTemplate, Mono<T>> commands) {
        return Mono.defer(() -> commands.apply(redis)).timeout(timeout);
    }

    /** The keys matching {@code pattern} (Redis {@code SCAN}), each within the time-out of the one before. */
    public Flux<String> scan(String pattern) {
        return redis.scan(ScanOptions.scanOptions().match(pattern).count(1000).build()).timeout(timeout);
    }

    /** Whether the connections are to a Redis Cluster. */
    public Mono<Boolean> isCluster() {
        return Mono.usingWhen(Mono.fromSupplier(() -> redis.getConnectionFactory().getReactiveConnection()),
                connection -> Mono.just(connection instanceof ReactiveRedisClusterConnection),
                connection -> connection.closeLater());
    }

    /**
     * For {@code onErrorMap}: the exception for a failure of {@code operation} ("load conversation 'x'"), a
     * {@link StoreUnavailableException} when Redis was unreachable or silent, or replicas did not confirm a write;
     * an {@link IllegalArgumentException} (an id that cannot be a key) as it is.
     */
    public Function<Throwable, Throwable> failure(String operation) {
        return error -> {
            if (error instanceof IllegalArgumentException) {
                return error;
            }
            if (unavailable(error)) {
                String why = error instanceof TimeoutException ? "Redis did not answer within " + timeout.toMillis()
                        + " ms" : describe(error);
                return new StoreUnavailableException(store + " could not " + operation + ": " + why, error);
            }
            return exceptions.apply(store + " could not " + operation + ": " + describe(error), error);
        };
    }

    private static boolean unavailable(Throwable error) {
        return error instanceof TimeoutException || error instanceof RedisConnectionFailureException
                || error instanceof QueryTimeoutException || error instanceof ReplicasNotConfirmedException
                || error instanceof ClusterTopology.SlotMovedException || passing(error);
    }

    /**
     * Whether Redis refused the command for a state that passes with a failover or a restart, having run nothing:
     * a cluster without a master for some slot ({@code CLUSTERDOWN}), a slot being moved ({@code TRYAGAIN}), a
     * server still loading its data ({@code LOADING}), a replica cut off from its master ({@code MASTERDOWN}), or a
     * master demoted to a replica under a client that has not noticed yet ({@code READONLY}); or Lettuce lost the
     * connection (the command may or may not have run).
     */
    private static boolean passing(Throwable error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            String message = cause.getMessage();
            if (message != null && TRANSIENT_REFUSAL.matcher(message).lookingAt()) {
                return true;
            }
        }
        return false;
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
