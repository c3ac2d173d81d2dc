/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.tool.redis;

import dev.promptkit.redis.RedisStoreClient;
import dev.promptkit.tool.PendingStore;
import dev.promptkit.tool.PendingToolCall;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.springframework.data.domain.Range;
import org.springframework.data.redis.connection.ReactiveRedisConnectionFactory;
import reactor.core.publisher.Mono;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.json.JsonMapper;

/**
 * A {@link PendingStore} in Redis, so that any instance of an application can list, approve or reject a
 * call another instance held. Each call is one key, {@code {prefix}:pending:{conversationId}:{callId}}
 * (the Go original's), holding the call's JSON with a native time to live (default one hour); a sorted
 * set {@code {prefix}:pending-index:{conversationId}} orders a conversation's calls by creation time and
 * loses the entries of expired calls when they are listed. {@link #claim} is one Lua script that reads,
 * deletes and unindexes the call, so across all instances exactly one claimer gets it.
 *
 * <p>Failures, including an unreachable Redis, surface as {@link RedisPendingStoreException} naming the
 * operation, the conversation and the call. Standalone Redis or Sentinel; not Redis Cluster.
 *
 * @since 0.1.0
 */
public final class RedisPendingStore implements PendingStore {

    public static final Duration DEFAULT_TTL = Duration.ofHours(1);
    public static final String DEFAULT_KEY_PREFIX = "promptkit";

    private final RedisStoreClient redis;
    private final JsonMapper json;
    private final ObjectReader callReader;
    private final PendingKeys keys;
    private final String ttlMillis;

    /** A store with the default key prefix ({@code promptkit}) and time to live (one hour). */
    public RedisPendingStore(ReactiveRedisConnectionFactory connections) {
        this(connections, JsonMapper.shared(), DEFAULT_KEY_PREFIX, DEFAULT_TTL);
    }

    /**
     * @param connections the Redis connections (Spring Boot's, or a {@code LettuceConnectionFactory})
     * @param json the mapper that writes and reads the calls
     * @param keyPrefix the first segment of every key, so several applications can share one Redis
     * @param ttl how long a call waits for a decision before it expires; at least one millisecond
     */
    public RedisPendingStore(ReactiveRedisConnectionFactory connections, JsonMapper json, String keyPrefix,
            Duration ttl) {
        this.redis = new RedisStoreClient(connections, keyPrefix, "Redis pending store",
                RedisPendingStoreException::new);
        if (ttl.toMillis() < 1) {
            throw new IllegalArgumentException("ttl must be at least one millisecond, was " + ttl);
        }
        this.json = Objects.requireNonNull(json, "json");
        this.callReader = this.json.readerFor(PendingToolCall.class)
                .without(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        this.keys = new PendingKeys(keyPrefix);
        this.ttlMillis = Long.toString(ttl.toMillis());
    }

    @Override
    public Mono<Void> add(PendingToolCall call) {
        String conversationId = call.conversationId();
        return Mono.fromCallable(() -> List.of(json.writeValueAsString(call), ttlMillis,
                        Long.toString(call.createdAt().toEpochMilli()), call.id()))
                .flatMap(arguments -> redis.run(PendingScripts.ADD,
                        List.of(keys.call(conversationId, call.id()), keys.index(conversationId)), arguments).then())
                .onErrorMap(redis.failure("hold call '" + call.id() + "' of conversation '" + conversationId + "'"));
    }

    @Override
    public Mono<List<PendingToolCall>> list(String conversationId) {
        return redis.template().opsForZSet().range(keys.index(conversationId), Range.closed(0L, -1L))
                .collectList()
                .flatMap(callIds -> callIds.isEmpty() ? Mono.just(List.<Object>of())
                        : redis.run(PendingScripts.LIST, indexAndCallKeys(conversationId, callIds), callIds).next())
                .map(held -> held.stream()
                        .map(call -> callReader.<PendingToolCall>readValue((String) call))
                        // a ':' in ids can make two (conversation, call) pairs share a key: keep this conversation's
                        .filter(call -> conversationId.equals(call.conversationId()))
                        .toList())
                .onErrorMap(redis.failure("list the held calls of conversation '" + conversationId + "'"));
    }

    @Override
    public Mono<PendingToolCall> claim(String conversationId, String callId) {
        return redis.run(PendingScripts.CLAIM,
                        List.of(keys.call(conversationId, callId), keys.index(conversationId)), List.of(callId))
                .next()
                .map(callReader::<PendingToolCall>readValue)
                .onErrorMap(redis.failure("claim call '" + callId + "' of conversation '" + conversationId + "'"));
    }

    private List<String> indexAndCallKeys(String conversationId, List<String> callIds) {
        List<String> indexAndCalls = new ArrayList<>(callIds.size() + 1);
        indexAndCalls.add(keys.index(conversationId));
        callIds.forEach(callId -> indexAndCalls.add(keys.call(conversationId, callId)));
        return indexAndCalls;
    }
}
