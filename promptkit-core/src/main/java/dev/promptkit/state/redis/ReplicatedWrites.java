/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.state.redis;

import io.lettuce.core.RedisNoScriptException;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.async.RedisScriptingAsyncCommands;
import io.lettuce.core.cluster.SlotHash;
import io.lettuce.core.cluster.api.StatefulRedisClusterConnection;
import io.lettuce.core.cluster.api.async.RedisAdvancedClusterAsyncCommands;
import io.lettuce.core.cluster.api.async.RedisClusterAsyncCommands;
import io.lettuce.core.cluster.models.partitions.RedisClusterNode;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletionException;
import org.springframework.dao.DataAccessException;
import org.springframework.data.redis.connection.RedisConnection;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.connection.ReturnType;
import org.springframework.data.redis.connection.lettuce.LettuceConverters;
import org.springframework.data.redis.connection.lettuce.LettuceExceptionConverter;
import org.springframework.data.redis.core.script.RedisScript;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Runs a writing Lua script and then Redis's {@code WAIT} where it means something: on the very connection that
 * carried the script, since WAIT counts the replicas that have every write of its own connection. That is Lettuce's
 * native connection behind one Spring Data {@link RedisConnection} (the application's shared connection, unless it
 * turned sharing off): the connection itself on a single Redis or behind Sentinel; on Redis Cluster, Lettuce's
 * connection to the master serving the key's slot in Lettuce's view, on which the script runs directly.
 */
final class ReplicatedWrites {

    private static final LettuceExceptionConverter EXCEPTIONS = new LettuceExceptionConverter();

    private final RedisConnectionFactory connections;
    private final int replicas;
    private final Duration wait;
    private final ClusterTopology topology;

    /**
     * @param connections Spring Data Redis's Lettuce connections
     * @param replicas how many replicas must have each write; at least one
     * @param wait how long Redis waits for them
     */
    ReplicatedWrites(RedisConnectionFactory connections, int replicas, Duration wait) {
        this.connections = connections;
        this.replicas = replicas;
        this.wait = wait;
        this.topology = new ClusterTopology(connections);
    }

    /**
     * The result of {@code script}, once {@code replicas} replicas have its writes; else a
     * {@link ReplicasNotConfirmedException} carrying that result.
     */
    <T> Flux<T> execute(RedisScript<T> script, List<String> keys, List<String> arguments) {
        return Mono.usingWhen(Mono.fromCallable(connections::getConnection).subscribeOn(Schedulers.boundedElastic()),
                        connection -> run(connection.getNativeConnection(), script, keys, arguments),
                        connection -> Mono.fromRunnable(connection::close))
                .onErrorMap(ReplicatedWrites::translated)
                .flatMapMany(Flux::fromIterable);
    }

    @SuppressWarnings("unchecked")
    private <T> Mono<List<T>> run(Object nativeConnection, RedisScript<T> script, List<String> keys,
            List<String> arguments) {
        if (nativeConnection instanceof RedisAdvancedClusterAsyncCommands<?, ?> cluster) {
            return onMaster((RedisAdvancedClusterAsyncCommands<byte[], byte[]>) cluster, keys.get(0))
                    .flatMap(node -> runAndWait(node, script, keys, arguments));
        }
        if (nativeConnection instanceof RedisClusterAsyncCommands<?, ?> single) {
            return runAndWait((RedisClusterAsyncCommands<byte[], byte[]>) single, script, keys, arguments);
        }
        return Mono.error(new IllegalStateException("Waiting for Redis replicas needs Lettuce connections, not "
                + nativeConnection.getClass().getName()));
    }

    /**
     * Lettuce's connection to the master that serves {@code key}'s slot in its view of the cluster: the script runs on
     * it directly (not routed), so that WAIT follows it on the same connection. When that view is out of date the
     * node answers MOVED, having written nothing; the topology is then refreshed and the write fails as unavailable.
     */
    private Mono<RedisClusterAsyncCommands<byte[], byte[]>> onMaster(
            RedisAdvancedClusterAsyncCommands<byte[], byte[]> cluster, String key) {
        StatefulRedisClusterConnection<byte[], byte[]> connection = cluster.getStatefulConnection();
        int slot = SlotHash.getSlot(key.getBytes(StandardCharsets.UTF_8));
        RedisClusterNode master = connection.getPartitions().getMasterBySlot(slot);
        if (master == null) {
            return Mono.error(topology.changed(slot, "no master serves it in Lettuce's view of the cluster"));
        }
        return Mono.fromCompletionStage(connection.getConnectionAsync(master.getUri().getHost(),
                master.getUri().getPort())).map(StatefulRedisConnection::async);
    }

    private <T> Mono<List<T>> runAndWait(RedisClusterAsyncCommands<byte[], byte[]> commands, RedisScript<T> script,
            List<String> keys, List<String> arguments) {
        return eval(commands, script, keys, arguments)
                .onErrorMap(ReplicatedWrites::redirected, redirect -> topology.changed(
                        SlotHash.getSlot(keys.get(0).getBytes(StandardCharsets.UTF_8)), redirect.getMessage()))
                .map(result -> List.of((T) result))
                .defaultIfEmpty(List.of())
                .flatMap(results -> Mono.fromCompletionStage(() -> commands.waitForReplication(replicas,
                                wait.toMillis()))
                        .onErrorMap(failed -> new ReplicasNotConfirmedException(failed, results))
                        .flatMap(confirmed -> confirmed >= replicas ? Mono.just(results)
                                : Mono.error(new ReplicasNotConfirmedException(confirmed, replicas, wait, results))));
    }

    /** The script's result as Spring Data's template gives it (strings for bulk replies); empty for nil. */
    private static Mono<Object> eval(RedisScriptingAsyncCommands<byte[], byte[]> commands, RedisScript<?> script,
            List<String> keys, List<String> arguments) {
        ScriptOutputType type = LettuceConverters.toScriptOutputType(ReturnType.fromJavaType(script.getResultType()));
        byte[][] keyBytes = bytes(keys);
        byte[][] argumentBytes = bytes(arguments);
        return Mono.fromCompletionStage(() -> commands.<Object>evalsha(script.getSha1(), type, keyBytes,
                        argumentBytes))
                .onErrorResume(error -> noScript(error), error -> Mono.fromCompletionStage(() -> commands.<Object>eval(
                        script.getScriptAsString().getBytes(StandardCharsets.UTF_8), type, keyBytes, argumentBytes)))
                .map(ReplicatedWrites::strings);
    }

    private static boolean redirected(Throwable error) {
        String message = unwrap(error).getMessage();
        return message != null && (message.startsWith("MOVED ") || message.startsWith("ASK "));
    }

    private static boolean noScript(Throwable error) {
        return unwrap(error) instanceof RedisNoScriptException;
    }

    /** Lettuce's exception as Spring Data Redis translates it, as the template's commands fail. */
    private static Throwable translated(Throwable error) {
        DataAccessException translated = unwrap(error) instanceof Exception lettuce ? EXCEPTIONS.convert(lettuce) : null;
        return translated != null ? translated : error;
    }

    private static Throwable unwrap(Throwable error) {
        return error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
    }

    private static Object strings(Object value) {
        if (value instanceof byte[] bytes) {
            return new String(bytes, StandardCharsets.UTF_8);
        }
        if (value instanceof List<?> values) {
            return values.stream().map(ReplicatedWrites::strings).toList();
        }
        return value;
    }

    private static byte[][] bytes(List<String> values) {
        byte[][] bytes = new byte[values.size()][];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = values.get(i).getBytes(StandardCharsets.UTF_8);
        }
        return bytes;
    }
}
