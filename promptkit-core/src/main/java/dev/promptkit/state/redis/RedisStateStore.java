/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.state.redis;

import dev.promptkit.state.ConversationConflictException;
import dev.promptkit.state.ConversationState;
import dev.promptkit.state.StateStore;
import dev.promptkit.state.StateStoreException;
import dev.promptkit.state.StoreUnavailableException;
import dev.promptkit.types.Message;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.springframework.data.redis.connection.ReactiveRedisConnectionFactory;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * A {@link StateStore} in Redis, for applications that run on several instances or keep conversations
 * across restarts. Uses plain Redis data structures (Redis 6.2 or later, no modules), on a single Redis, behind
 * Sentinel or on Redis Cluster alike, whichever Spring Data Redis connections it is given; the keys are laid out as
 * {@link RedisKeyLayout} says (see also the {@linkplain dev.promptkit.state.redis package documentation}).
 *
 * <p>Every operation on a conversation is one Lua script over its keys, which Redis runs atomically: an append
 * writes the turn's messages, merges its metadata and refreshes the time to live in one step, so a crash or a lost
 * connection never leaves half a turn. The meta key keeps the version of the history, which an append checks in the
 * same script: when two turns (of one instance or of two) were answered on the same history, the first to be stored
 * wins and the other fails with a {@link ConversationConflictException}, having written nothing. {@link #fork} spans
 * two conversations, which Redis Cluster may keep on two nodes, so it is two scripts: an atomic read of the source,
 * then an atomic replacement of the target by that copy (its messages and metadata passed on as stored, never
 * decoded); the target is the source as it was at that read, whatever was appended to the source since.
 *
 * <p>Conversations expire after a sliding time to live (default 24 hours; every load, append, save and
 * fork restarts it; {@link Duration#ZERO} for none). Failures surface as {@link StateStoreException} naming the
 * operation and the conversation: a {@link StoreUnavailableException} when Redis cannot be reached or does not
 * answer within the store's time-out (default 3 s, well below Lettuce's own 60 s), or when fewer replicas than
 * required confirmed a write (see the constructor's {@code replicas}).
 *
 * @since 0.1.0
 */
public final class RedisStateStore implements StateStore {

    public static final Duration DEFAULT_TTL = Duration.ofHours(24);
    public static final String DEFAULT_KEY_PREFIX = "promptkit";

    private final RedisStoreClient redis;
    private final ConversationJson json;
    private final RedisKeyLayout keys;
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

    /** A store whose writes are done once the master has them (no wait for replicas). */
    public RedisStateStore(ReactiveRedisConnectionFactory connections, JsonMapper json, String keyPrefix,
            Duration ttl, Duration timeout) {
        this(connections, json, keyPrefix, ttl, timeout, 0);
    }

    /**
     * @param connections the Redis connections (Spring Boot's, or a {@code LettuceConnectionFactory}): standalone,
     *     Sentinel or cluster
     * @param json the mapper that writes and reads messages
     * @param keyPrefix the first segment of every key, so several applications can share one Redis; no braces
     * @param ttl how long a conversation lives after its last read or write; {@link Duration#ZERO} for no expiry
     * @param timeout how long one operation may wait for Redis before it fails with a
     *     {@link StoreUnavailableException}
     * @param replicas how many replicas must have each write (Redis {@code WAIT}, at most
     *     {@link RedisStoreClient#REPLICA_WAIT}) before it is done, so that a turn the caller was told is stored
     *     survives the failure of its master; a write they do not confirm fails with a
     *     {@link StoreUnavailableException} (the master has it). 0 for no wait
     */
    public RedisStateStore(ReactiveRedisConnectionFactory connections, JsonMapper json, String keyPrefix,
            Duration ttl, Duration timeout, int replicas) {
        this.keys = new RedisKeyLayout(keyPrefix);
        this.redis = new RedisStoreClient(connections, "Redis state store", timeout, replicas,
                StateStoreException::new);
        if (ttl.isNegative() || (!ttl.isZero() && ttl.toMillis() == 0)) {
            throw new IllegalArgumentException("ttl must be zero (no expiry) or at least one millisecond, was " + ttl);
        }
        this.json = new ConversationJson(Objects.requireNonNull(json, "json"));
        this.ttlMillis = ttl.toMillis();
    }

    @Override
    public Mono<ConversationState> load(String conversationId) {
        return read(conversationId)
                .map(reply -> json.state(conversationId, reply))
                .onErrorMap(redis.failure("load conversation '" + conversationId + "'"));
    }

    @Override
    public Mono<Void> append(String conversationId, List<Message> messages, Map<String, String> metadata,
            long expectedVersion) {
        return Mono.fromCallable(() -> json.turnArguments(conversationId, Instant.now(), ttlMillis, expectedVersion,
                        messages, metadata))
                .flatMap(arguments -> redis.write(ConversationScripts.APPEND, keys.conversation(conversationId),
                        arguments).single())
                .onErrorMap(redis.failure("append to conversation '" + conversationId + "'"))
                .flatMap(version -> version >= 0 ? Mono.empty()
                        : Mono.error(new ConversationConflictException(conversationId, expectedVersion, -1 - version)));
    }

    @Override
    public Mono<Void> save(ConversationState state) {
        return Mono.fromCallable(() -> json.turnArguments(state.id(), Instant.now(), ttlMillis, ANY_VERSION,
                        state.messages(), state.metadata()))
                .flatMap(arguments -> redis.write(ConversationScripts.SAVE, keys.conversation(state.id()), arguments)
                        .then())
                .onErrorMap(redis.failure("save conversation '" + state.id() + "'"));
    }

    @Override
    public Mono<Boolean> fork(String sourceId, String targetId) {
        return read(sourceId)
                .flatMap(source -> sourceId.equals(targetId) ? Mono.just(true)
                        : redis.write(ConversationScripts.SAVE, keys.conversation(targetId),
                                json.copyArguments(targetId, Instant.now(), ttlMillis, source)).then(Mono.just(true)))
                .defaultIfEmpty(false)
                .onErrorMap(redis.failure("fork conversation '" + sourceId + "' to '" + targetId + "'"));
    }

    @Override
    public Mono<Boolean> delete(String conversationId) {
        return Mono.defer(() -> redis.write(ConversationScripts.DELETE, keys.conversation(conversationId), List.of())
                        .single())
                .map(deleted -> deleted > 0)
                .onErrorMap(redis.failure("delete conversation '" + conversationId + "'"));
    }

    /** The conversation as {@code load.lua} returns it (sliding its time to live); empty when there is none. */
    private Mono<List<Object>> read(String conversationId) {
        return Mono.defer(() -> redis.read(ConversationScripts.LOAD, keys.conversation(conversationId),
                        List.of(Long.toString(ttlMillis))).next())
                .filter(reply -> !reply.isEmpty());
    }
}
