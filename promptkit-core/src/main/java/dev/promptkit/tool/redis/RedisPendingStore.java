/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.tool.redis;

import dev.promptkit.redis.RedisStoreClient;
import dev.promptkit.tool.PendingStore;
import dev.promptkit.tool.PendingToolCall;
import dev.promptkit.types.ToolResult;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.springframework.data.domain.Range;
import org.springframework.data.redis.connection.ReactiveRedisConnectionFactory;
import reactor.core.publisher.Mono;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.json.JsonMapper;

/**
 * A {@link PendingStore} in Redis, so that any instance of an application can list, approve or reject a call
 * another instance held. Each call is one hash, {@code {prefix}:pending:{conversationId}:{callId}} (the Go
 * original's key name), with the call's JSON ({@code call}), the decision once taken ({@code decision}) and the
 * result's JSON once there is one ({@code result}), and a native time to live from when the call was held
 * (default one hour); a sorted set {@code {prefix}:pending-index:{conversationId}} orders a conversation's calls
 * by creation time and loses the entries of expired calls when they are listed. {@link #claim} is one Lua script
 * that sets the decision only where there is none, so across all instances exactly one decider gets a call. A
 * call held by an earlier version as a plain string is turned into the hash when it is next read.
 *
 * <p>Failures surface as {@link RedisPendingStoreException} naming the operation, the conversation and the call;
 * an unreachable or silent Redis as a {@link dev.promptkit.state.StoreUnavailableException}. Standalone Redis or
 * Sentinel; not Redis Cluster.
 *
 * @since 0.1.0
 */
public final class RedisPendingStore implements PendingStore {

    public static final Duration DEFAULT_TTL = Duration.ofHours(1);
    public static final String DEFAULT_KEY_PREFIX = "promptkit";

    private final RedisStoreClient redis;
    private final JsonMapper json;
    private final ObjectReader callReader;
    private final ObjectReader resultReader;
    private final PendingKeys keys;
    private final String ttlMillis;

    /** A store with the default key prefix ({@code promptkit}) and time to live (one hour). */
    public RedisPendingStore(ReactiveRedisConnectionFactory connections) {
        this(connections, JsonMapper.shared(), DEFAULT_KEY_PREFIX, DEFAULT_TTL);
    }

    /** A store that waits for Redis at most {@link RedisStoreClient#DEFAULT_TIMEOUT} (3 s) per operation. */
    public RedisPendingStore(ReactiveRedisConnectionFactory connections, JsonMapper json, String keyPrefix,
            Duration ttl) {
        this(connections, json, keyPrefix, ttl, RedisStoreClient.DEFAULT_TIMEOUT);
    }

    /**
     * @param connections the Redis connections (Spring Boot's, or a {@code LettuceConnectionFactory})
     * @param json the mapper that writes and reads the calls
     * @param keyPrefix the first segment of every key, so several applications can share one Redis
     * @param ttl how long a call is kept from when it was held; at least one millisecond
     * @param timeout how long one operation may wait for Redis before it fails
     */
    public RedisPendingStore(ReactiveRedisConnectionFactory connections, JsonMapper json, String keyPrefix,
            Duration ttl, Duration timeout) {
        this.redis = new RedisStoreClient(connections, keyPrefix, "Redis pending store", timeout,
                RedisPendingStoreException::new);
        if (ttl.toMillis() < 1) {
            throw new IllegalArgumentException("ttl must be at least one millisecond, was " + ttl);
        }
        this.json = Objects.requireNonNull(json, "json");
        this.callReader = this.json.readerFor(PendingToolCall.class)
                .without(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        this.resultReader = this.json.readerFor(ToolResult.class)
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
        return redis.call(template -> template.opsForZSet().range(keys.index(conversationId), Range.closed(0L, -1L))
                        .collectList())
                .flatMap(callIds -> callIds.isEmpty() ? Mono.just(List.<Object>of())
                        : redis.run(PendingScripts.LIST, indexAndCallKeys(conversationId, callIds), callIds).next())
                .map(held -> held.stream()
                        .map(stored -> call((List<?>) stored))
                        // a ':' in ids can make two (conversation, call) pairs share a key: keep this conversation's
                        .filter(call -> conversationId.equals(call.conversationId()))
                        .toList())
                .onErrorMap(redis.failure("list the held calls of conversation '" + conversationId + "'"));
    }

    @Override
    public Mono<PendingToolCall> claim(String conversationId, String callId, PendingToolCall.Decision decision) {
        return redis.run(PendingScripts.CLAIM, List.of(keys.call(conversationId, callId)), List.of(wire(decision)))
                .next()
                .map(stored -> callReader.<PendingToolCall>readValue(stored).withDecision(decision))
                .filter(call -> conversationId.equals(call.conversationId()))
                .onErrorMap(redis.failure("decide call '" + callId + "' of conversation '" + conversationId + "'"));
    }

    @Override
    public Mono<Boolean> complete(String conversationId, String callId, ToolResult result) {
        return Mono.fromCallable(() -> List.of(json.writeValueAsString(result)))
                .flatMap(arguments -> redis.run(PendingScripts.COMPLETE, List.of(keys.call(conversationId, callId)),
                        arguments).single())
                .map(kept -> kept == 1L)
                .onErrorMap(redis.failure("keep the result of call '" + callId + "' of conversation '"
                        + conversationId + "'"));
    }

    @Override
    public Mono<Void> remove(String conversationId, Collection<String> callIds) {
        if (callIds.isEmpty()) {
            return Mono.empty();
        }
        List<String> ids = List.copyOf(callIds);
        return redis.run(PendingScripts.REMOVE, indexAndCallKeys(conversationId, ids), ids).then()
                .onErrorMap(redis.failure("remove calls " + ids + " of conversation '" + conversationId + "'"));
    }

    /** A call as {@code list.lua} returns it: its JSON, its decision or '', its result or ''. */
    private PendingToolCall call(List<?> stored) {
        PendingToolCall call = callReader.readValue((String) stored.get(0));
        String decision = (String) stored.get(1);
        String result = (String) stored.get(2);
        if (!decision.isEmpty()) {
            call = call.withDecision(PendingToolCall.Decision.valueOf(decision.toUpperCase(Locale.ROOT)));
        }
        return result.isEmpty() ? call : call.withResult(resultReader.readValue(result));
    }

    private static String wire(PendingToolCall.Decision decision) {
        return decision.name().toLowerCase(Locale.ROOT);
    }

    private List<String> indexAndCallKeys(String conversationId, List<String> callIds) {
        List<String> indexAndCalls = new ArrayList<>(callIds.size() + 1);
        indexAndCalls.add(keys.index(conversationId));
        callIds.forEach(callId -> indexAndCalls.add(keys.call(conversationId, callId)));
        return indexAndCalls;
    }
}
