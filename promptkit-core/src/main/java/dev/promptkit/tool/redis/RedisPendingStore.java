/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.tool.redis;

import dev.promptkit.state.StoreUnavailableException;
import dev.promptkit.state.redis.RedisKeyLayout;
import dev.promptkit.state.redis.RedisStoreClient;
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
import reactor.util.retry.Retry;
import reactor.util.retry.RetryBackoffSpec;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.json.JsonMapper;

/**
 * A {@link PendingStore} in Redis, so that any instance of an application can list, approve or reject a call another
 * instance held. Each call is one hash, {@code <prefix>:pending:{<conversation id>}:<call id>}, with the call's JSON
 * ({@code call}), the decision once taken ({@code decision}) and the result's JSON once there is one
 * ({@code result}), and a native time to live from when the call was held (default one hour); a sorted set
 * {@code <prefix>:pending-index:{<conversation id>}} orders a conversation's calls by creation time and loses the
 * entries of expired calls when they are listed (see {@link RedisKeyLayout}: the braces make a conversation's calls
 * and index one Redis Cluster slot). {@link #claim} is one Lua script that sets the decision only where there is
 * none, so across all instances exactly one decider gets a call. A call held by an earlier version as a plain
 * string is turned into the hash when it is next read.
 *
 * <p>Works on a single Redis, behind Sentinel and on Redis Cluster. Failures surface as
 * {@link RedisPendingStoreException} naming the operation, the conversation and the call; an unreachable or silent
 * Redis, or replicas that did not confirm a write, as a {@link StoreUnavailableException}. A decision the replicas
 * did not confirm is withdrawn before that exception, so the call waits again; keeping a result ({@link #complete})
 * is tried again for some seconds while Redis is unavailable, so that a call that ran is not left "running".
 *
 * @since 0.1.0
 */
public final class RedisPendingStore implements PendingStore {

    public static final Duration DEFAULT_TTL = Duration.ofHours(1);
    public static final String DEFAULT_KEY_PREFIX = "promptkit";

    /**
     * The result of a call that ran must not be lost to a short outage (a master failing over takes seconds), or the
     * call would stay "running" until it expires: keeping it is tried again while Redis is unavailable, for some
     * eight seconds of back-off. Keeping a result twice is harmless.
     */
    private static final RetryBackoffSpec RESULT_RETRIES = Retry.backoff(6, Duration.ofMillis(250))
            .maxBackoff(Duration.ofSeconds(2)).filter(StoreUnavailableException.class::isInstance)
            .onRetryExhaustedThrow((spec, signal) -> signal.failure());

    private final RedisStoreClient redis;
    private final JsonMapper json;
    private final ObjectReader callReader;
    private final ObjectReader resultReader;
    private final RedisKeyLayout keys;
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

    /** A store whose writes are done once the master has them (no wait for replicas). */
    public RedisPendingStore(ReactiveRedisConnectionFactory connections, JsonMapper json, String keyPrefix,
            Duration ttl, Duration timeout) {
        this(connections, json, keyPrefix, ttl, timeout, 0);
    }

    /**
     * @param connections the Redis connections (Spring Boot's, or a {@code LettuceConnectionFactory}): standalone,
     *     Sentinel or cluster
     * @param json the mapper that writes and reads the calls
     * @param keyPrefix the first segment of every key, so several applications can share one Redis; no braces
     * @param ttl how long a call is kept from when it was held; at least one millisecond
     * @param timeout how long one operation may wait for Redis before it fails
     * @param replicas how many replicas must have each write (Redis {@code WAIT}, at most
     *     {@link RedisStoreClient#REPLICA_WAIT}) before it is done, so that a decision survives the failure of its
     *     master and a call never runs twice; 0 for no wait
     */
    public RedisPendingStore(ReactiveRedisConnectionFactory connections, JsonMapper json, String keyPrefix,
            Duration ttl, Duration timeout, int replicas) {
        this.keys = new RedisKeyLayout(keyPrefix);
        this.redis = new RedisStoreClient(connections, "Redis pending store", timeout, replicas,
                RedisPendingStoreException::new);
        if (ttl.toMillis() < 1) {
            throw new IllegalArgumentException("ttl must be at least one millisecond, was " + ttl);
        }
        this.json = Objects.requireNonNull(json, "json");
        this.callReader = this.json.readerFor(PendingToolCall.class)
                .without(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        this.resultReader = this.json.readerFor(ToolResult.class)
                .without(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        this.ttlMillis = Long.toString(ttl.toMillis());
    }

    @Override
    public Mono<Void> add(PendingToolCall call) {
        String conversationId = call.conversationId();
        return Mono.fromCallable(() -> List.of(json.writeValueAsString(call), ttlMillis,
                        Long.toString(call.createdAt().toEpochMilli()), call.id()))
                .flatMap(arguments -> redis.write(PendingScripts.ADD, List.of(keys.pendingCall(conversationId,
                        call.id()), keys.pendingIndex(conversationId)), arguments).then())
                .onErrorMap(redis.failure("hold call '" + call.id() + "' of conversation '" + conversationId + "'"));
    }

    @Override
    public Mono<List<PendingToolCall>> list(String conversationId) {
        return redis.call(template -> template.opsForZSet().range(keys.pendingIndex(conversationId),
                        Range.closed(0L, -1L)).collectList())
                .flatMap(callIds -> callIds.isEmpty() ? Mono.just(List.<Object>of())
                        : redis.read(PendingScripts.LIST, indexAndCallKeys(conversationId, callIds), callIds).next())
                .map(held -> held.stream()
                        .map(stored -> call((List<?>) stored))
                        // a '}' in ids can make two (conversation, call) pairs share a key: keep this conversation's
                        .filter(call -> conversationId.equals(call.conversationId()))
                        .toList())
                .onErrorMap(redis.failure("list the held calls of conversation '" + conversationId + "'"));
    }

    @Override
    public Mono<PendingToolCall> claim(String conversationId, String callId, PendingToolCall.Decision decision) {
        return Mono.defer(() -> redis.write(PendingScripts.CLAIM, List.of(keys.pendingCall(conversationId, callId)),
                        List.of(wire(decision)), PendingScripts.RELEASE).next())
                .map(stored -> callReader.<PendingToolCall>readValue(stored).withDecision(decision))
                .filter(call -> conversationId.equals(call.conversationId()))
                .onErrorMap(redis.failure("decide call '" + callId + "' of conversation '" + conversationId + "'"));
    }

    @Override
    public Mono<Boolean> complete(String conversationId, String callId, ToolResult result) {
        return Mono.fromCallable(() -> List.of(json.writeValueAsString(result)))
                .flatMap(arguments -> redis.write(PendingScripts.COMPLETE,
                        List.of(keys.pendingCall(conversationId, callId)), arguments).single())
                .map(kept -> kept == 1L)
                .onErrorMap(redis.failure("keep the result of call '" + callId + "' of conversation '"
                        + conversationId + "'"))
                .retryWhen(RESULT_RETRIES);
    }

    @Override
    public Mono<Void> remove(String conversationId, Collection<String> callIds) {
        if (callIds.isEmpty()) {
            return Mono.empty();
        }
        List<String> ids = List.copyOf(callIds);
        return Mono.defer(() -> redis.write(PendingScripts.REMOVE, indexAndCallKeys(conversationId, ids), ids).then())
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
        indexAndCalls.add(keys.pendingIndex(conversationId));
        callIds.forEach(callId -> indexAndCalls.add(keys.pendingCall(conversationId, callId)));
        return indexAndCalls;
    }
}
