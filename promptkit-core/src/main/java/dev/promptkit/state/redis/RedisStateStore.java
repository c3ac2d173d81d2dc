/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.state.redis;

import dev.promptkit.redis.RedisStoreClient;
import dev.promptkit.state.ConversationConflictException;
import dev.promptkit.state.ConversationState;
import dev.promptkit.state.StateStore;
import dev.promptkit.state.StateStoreException;
import dev.promptkit.state.StoreUnavailableException;
import dev.promptkit.types.Message;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.springframework.data.redis.connection.ReactiveRedisConnectionFactory;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * A {@link StateStore} in Redis, for applications that run on several instances or keep conversations
 * across restarts. Uses plain Redis data structures (Redis 6.2 or later, no modules), laid out as the Go
 * original lays them out (see the {@linkplain dev.promptkit.state.redis package documentation}).
 *
 * <p>Every operation is one Lua script, which Redis runs atomically: an append writes the turn's messages,
 * merges its metadata and refreshes the time to live in one step, so a crash or a lost connection never
 * leaves half a turn, and {@link #fork} copies on the server without sending the messages through this JVM.
 * The meta key keeps the version of the history, which an append checks in the same script: when two turns
 * (of one instance or of two) were answered on the same history, the first to be stored wins and the other
 * fails with a {@link ConversationConflictException}, having written nothing.
 *
 * <p>Conversations expire after a sliding time to live (default 24 hours; every load, append, save and
 * fork restarts it; {@link Duration#ZERO} for none). Failures surface as {@link StateStoreException} naming the
 * operation and the conversation: a {@link StoreUnavailableException} when Redis cannot be reached or does not
 * answer within the store's time-out (default 3 s, well below Lettuce's own 60 s).
 *
 * @since 0.1.0
 */
public final class RedisStateStore implements StateStore {

    public static final Duration DEFAULT_TTL = Duration.ofHours(24);
    public static final String DEFAULT_KEY_PREFIX = "promptkit";

    private final RedisStoreClient redis;
    private final ConversationJson json;
    private final ConversationKeys keys;
    private final long ttlMillis;

    /** A store with the default key prefix ({@code promptkit}) and time to live (24 hours). */
    public RedisStateStore(ReactiveRedisConnectionFactory connections) {
        this(connections, JsonMapper.shared(), DEFAULT_KEY_PREFIX, DEFAULT_TTL);
    }

    /** A store that waits for Redis at most {@link RedisStoreClient#DEFAULT_TIMEOUT} (3 s) per operation. */
    public RedisStateStore(ReactiveRedisConnectionFactory connections, JsonMapper json, String keyPrefix,
            Duration ttl) {
        this(connections, json, keyPrefix, ttl, RedisStoreClient.DEFAULT_TIMEOUT);
    }

    /**
     * @param connections the Redis connections (Spring Boot's, or a {@code LettuceConnectionFactory})
     * @param json the mapper that writes and reads messages
     * @param keyPrefix the first segment of every key, so several applications can share one Redis
     * @param ttl how long a conversation lives after its last read or write; {@link Duration#ZERO} for no expiry
     * @param timeout how long one operation may wait for Redis before it fails with a
     *     {@link StoreUnavailableException}
     */
    public RedisStateStore(ReactiveRedisConnectionFactory connections, JsonMapper json, String keyPrefix,
            Duration ttl, Duration timeout) {
        this.redis = new RedisStoreClient(connections, keyPrefix, "Redis state store", timeout,
                StateStoreException::new);
        if (ttl.isNegative() || (!ttl.isZero() && ttl.toMillis() == 0)) {
            throw new IllegalArgumentException("ttl must be zero (no expiry) or at least one millisecond, was " + ttl);
        }
        this.json = new ConversationJson(Objects.requireNonNull(json, "json"));
        this.keys = new ConversationKeys(keyPrefix);
        this.ttlMillis = ttl.toMillis();
    }

    @Override
    public Mono<ConversationState> load(String conversationId) {
        return redis.run(ConversationScripts.LOAD, keys.of(conversationId), List.of(Long.toString(ttlMillis)))
                .next()
                .filter(reply -> !reply.isEmpty())
                .map(reply -> json.state(conversationId, reply))
                .onErrorMap(redis.failure("load conversation '" + conversationId + "'"));
    }

    @Override
    public Mono<Void> append(String conversationId, List<Message> messages, Map<String, String> metadata,
            long expectedVersion) {
        return Mono.fromCallable(() -> json.turnArguments(conversationId, Instant.now(), ttlMillis, expectedVersion,
                        messages, metadata))
                .flatMap(arguments -> redis.run(ConversationScripts.APPEND, keys.of(conversationId), arguments)
                        .single())
                .onErrorMap(redis.failure("append to conversation '" + conversationId + "'"))
                .flatMap(version -> version >= 0 ? Mono.empty()
                        : Mono.error(new ConversationConflictException(conversationId, expectedVersion, -1 - version)));
    }

    @Override
    public Mono<Void> save(ConversationState state) {
        return Mono.fromCallable(() -> json.turnArguments(state.id(), Instant.now(), ttlMillis, ANY_VERSION,
                        state.messages(), state.metadata()))
                .flatMap(arguments -> redis.run(ConversationScripts.SAVE, keys.of(state.id()), arguments).then())
                .onErrorMap(redis.failure("save conversation '" + state.id() + "'"));
    }

    @Override
    public Mono<Boolean> fork(String sourceId, String targetId) {
        List<String> sourceAndTarget = new ArrayList<>(keys.of(sourceId));
        sourceAndTarget.addAll(keys.of(targetId));
        return Mono.fromCallable(() -> List.of(targetId, Instant.now().toString(), Long.toString(ttlMillis)))
                .flatMap(arguments -> redis.run(ConversationScripts.FORK, sourceAndTarget, arguments).single())
                .map(forked -> forked == 1L)
                .onErrorMap(redis.failure("fork conversation '" + sourceId + "' to '" + targetId + "'"));
    }

    @Override
    public Mono<Boolean> delete(String conversationId) {
        return redis.call(template -> template.delete(keys.of(conversationId).toArray(String[]::new)))
                .map(deleted -> deleted > 0)
                .onErrorMap(redis.failure("delete conversation '" + conversationId + "'"));
    }
}
