/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.state.redis;

import dev.promptkit.state.StateStoreException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.redis.connection.DataType;
import org.springframework.data.redis.connection.ReactiveRedisConnectionFactory;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Moves what PromptKit for Spring 0.1 stored in Redis, before its keys carried a hash tag, to the cluster-safe
 * {@link RedisKeyLayout}: run it once on the Redis (single or behind Sentinel) the earlier version wrote to, before
 * the new version serves traffic (the starter does with {@code promptkit.state-store.migrate-legacy-keys=true}).
 * Conversations stored under the old names are not found by the new stores until then.
 *
 * <ul>
 * <li>{@code <prefix>:conversation:<id>:meta|messages|metadata} become {@code <prefix>:conversation:{<id>}:…}, the
 * three keys of a conversation in one script;</li>
 * <li>{@code <prefix>:pending:<conversation id>:<call id>} becomes {@code <prefix>:pending:{<conversation id>}:<call
 * id>}, whether it is a hash or the plain string of the earliest versions, and its entry in
 * {@code <prefix>:pending-index:<conversation id>} moves to {@code <prefix>:pending-index:{<conversation id>}}, in
 * one script per call.</li>
 * </ul>
 *
 * <p>Keys are renamed, so values, versions and times to live stay as they were. The conversation and call ids are
 * read from the stored JSON, so an id holding {@code :} or braces is moved right, and a key already in the new layout
 * is left alone: running it again moves nothing, and so do several instances running it at once. A conversation or
 * call the new layout already holds (a newer version wrote it since) is kept there, and its old keys are left to
 * expire. On Redis Cluster there is nothing to move (the old layout could not be written there), and nothing is done.
 *
 * <p><strong>Internal:</strong> what the Redis stores share; not part of the supported API (see the package
 * documentation).
 *
 * @since 0.1.0
 */
public final class LegacyKeyMigration {

    /**
     * What a run did: conversations and held calls moved, and those left in the old layout because the new layout
     * had them already or their conversation id cannot be a hash tag.
     */
    public record Result(int conversations, int heldCalls, int kept) {

        static final Result NONE = new Result(0, 0, 0);

        Result plus(Result other) {
            return new Result(conversations + other.conversations, heldCalls + other.heldCalls, kept + other.kept);
        }
    }

    private static final Logger log = LoggerFactory.getLogger(LegacyKeyMigration.class);
    private static final RedisScript<Long> MOVE_CONVERSATION = LuaScripts.load(LegacyKeyMigration.class, Long.class,
            "migrate-conversation.lua");
    private static final RedisScript<Long> MOVE_CALL = LuaScripts.load(LegacyKeyMigration.class, Long.class,
            "migrate-call.lua");
    private static final Result CONVERSATION_MOVED = new Result(1, 0, 0);
    private static final Result CALL_MOVED = new Result(0, 1, 0);
    private static final Result KEPT = new Result(0, 0, 1);

    private final RedisStoreClient redis;
    private final RedisKeyLayout keys;
    private final JsonMapper json = JsonMapper.shared();

    /** A migration that waits for Redis at most {@link RedisStoreClient#DEFAULT_TIMEOUT} per operation. */
    public LegacyKeyMigration(ReactiveRedisConnectionFactory connections, String keyPrefix) {
        this(connections, keyPrefix, RedisStoreClient.DEFAULT_TIMEOUT);
    }

    /**
     * @param connections the Redis the earlier version wrote to
     * @param keyPrefix the key prefix it wrote under ({@code promptkit.state-store.key-prefix})
     * @param timeout how long one Redis operation may take
     */
    public LegacyKeyMigration(ReactiveRedisConnectionFactory connections, String keyPrefix, Duration timeout) {
        this.keys = new RedisKeyLayout(keyPrefix);
        this.redis = new RedisStoreClient(connections, "Redis key migration", timeout, 0, StateStoreException::new);
    }

    /** Moves everything in the old layout, and logs what it did. */
    public Mono<Result> migrate() {
        return redis.isCluster()
                .flatMap(cluster -> cluster ? Mono.fromCallable(() -> {
                    log.info("Redis key migration: nothing to move on Redis Cluster, where PromptKit for Spring 0.1"
                            + " could not store anything under prefix '{}'", keys.prefix());
                    return Result.NONE;
                }) : moveAll())
                .onErrorMap(redis.failure("move the keys under prefix '" + keys.prefix() + "' to the new layout"));
    }

    private Mono<Result> moveAll() {
        Flux<Result> conversations = redis.scan(glob(keys.prefix()) + ":conversation:*:meta")
                .concatMap(this::moveConversation);
        Flux<Result> calls = redis.scan(glob(keys.prefix()) + ":pending:*").concatMap(this::moveCall);
        return conversations.concatWith(calls).reduce(Result.NONE, Result::plus).doOnNext(result -> {
            log.info("Redis key migration under prefix '{}': {} conversation(s) and {} held call(s) moved to the"
                    + " cluster-safe layout", keys.prefix(), result.conversations(), result.heldCalls());
            if (result.kept() > 0) {
                log.warn("Redis key migration under prefix '{}': {} conversation(s) or call(s) were left in the old"
                        + " layout, because the new layout already holds them or their id cannot be a hash tag; they"
                        + " expire with their time to live",
                        keys.prefix(), result.kept());
            }
        });
    }

    /** Moves the conversation whose meta key is {@code metaKey} when that key is in the old layout. */
    private Mono<Result> moveConversation(String metaKey) {
        return redis.call(template -> template.opsForValue().get(metaKey)).flatMap(meta -> {
            String id = text(meta, "id", metaKey.substring(keys.prefix().length() + ":conversation:".length(),
                    metaKey.length() - ":meta".length()));
            String base = keys.prefix() + ":conversation:" + id;
            if (!metaKey.equals(base + ":meta")) {
                return Mono.empty();
            }
            if (!taggable(id)) {
                return Mono.just(KEPT);
            }
            List<String> oldAndNew = new ArrayList<>(List.of(base + ":meta", base + ":messages", base + ":metadata"));
            oldAndNew.addAll(keys.conversation(id));
            return redis.write(MOVE_CONVERSATION, oldAndNew, List.of()).single()
                    .map(moved -> moved == 1L ? CONVERSATION_MOVED : KEPT);
        });
    }

    /** Moves the held call at {@code key} when that key is in the old layout. */
    private Mono<Result> moveCall(String key) {
        return redis.call(template -> heldCallJson(template, key)).flatMap(stored -> {
            String conversationId = text(stored, "conversation_id", null);
            String callId = text(stored, "id", null);
            if (conversationId == null || callId == null
                    || !key.equals(keys.prefix() + ":pending:" + conversationId + ":" + callId)) {
                return Mono.empty();
            }
            if (!taggable(conversationId)) {
                return Mono.just(KEPT);
            }
            List<String> oldAndNew = List.of(key, keys.pendingCall(conversationId, callId),
                    keys.prefix() + ":pending-index:" + conversationId, keys.pendingIndex(conversationId));
            return redis.write(MOVE_CALL, oldAndNew, List.of(callId)).single()
                    .map(moved -> moved == 1L ? CALL_MOVED : KEPT);
        });
    }

    /** Whether the id can be a hash tag; an id that cannot stays in the old layout, with a warning. */
    private boolean taggable(String conversationId) {
        try {
            RedisKeyLayout.hashTag(conversationId);
            return true;
        }
        catch (IllegalArgumentException cannot) {
            log.warn("Redis key migration under prefix '{}' leaves conversation '{}' in the old layout: {}",
                    keys.prefix(), conversationId, cannot.getMessage());
            return false;
        }
    }

    private static Mono<String> heldCallJson(ReactiveStringRedisTemplate template, String key) {
        return template.type(key).flatMap(type -> {
            if (type == DataType.STRING) {
                return template.opsForValue().get(key);
            }
            return type == DataType.HASH ? template.<String, String>opsForHash().get(key, "call") : Mono.empty();
        });
    }

    /** The text of {@code field} of the JSON object {@code stored}, else {@code fallback}. */
    private String text(String stored, String field, String fallback) {
        try {
            JsonNode value = json.readTree(stored).path(field);
            return value.isString() ? value.asString() : fallback;
        }
        catch (RuntimeException notJson) {
            return fallback;
        }
    }

    /** {@code literal} as a SCAN pattern that matches only itself. */
    private static String glob(String literal) {
        return literal.replaceAll("([\\\\*?\\[\\]])", "\\\\$1");
    }
}
