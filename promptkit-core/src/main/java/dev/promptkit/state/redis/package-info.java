/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
/**
 * A Redis {@link dev.promptkit.state.StateStore}: {@link dev.promptkit.state.redis.RedisStateStore}, on Spring
 * Data Redis's reactive connections (an optional dependency: add {@code spring-data-redis} and
 * {@code lettuce-core} to use it). It works unchanged on a single Redis, behind Sentinel and on Redis Cluster:
 * whichever connections Spring Boot's {@code spring.data.redis.*} (or the application) makes.
 *
 * <p>Key layout, per conversation, under a prefix (default {@code promptkit}); the conversation id in braces is a
 * Redis Cluster hash tag, so the three keys of a conversation share one slot (see
 * {@link dev.promptkit.state.redis.RedisKeyLayout}); all three share one time to live:
 * <ul>
 * <li>{@code <prefix>:conversation:{<id>}:meta}: a string, JSON {@code {"id", "updated_at", "message_count",
 * "version"}}; a conversation exists while this key does.</li>
 * <li>{@code <prefix>:conversation:{<id>}:messages}: a list, one JSON message per element, oldest first;
 * each append RPUSHes its turn.</li>
 * <li>{@code <prefix>:conversation:{<id>}:metadata}: a hash, field {@code user.<key>}, value the JSON
 * string of the metadata value.</li>
 * </ul>
 *
 * <p>Each operation on a conversation is one Lua script over its three keys (load, append, save, delete), atomic on
 * every topology. A fork spans two conversations, which Redis Cluster may keep on two nodes, so it is two scripts:
 * an atomic read of the source (the load script: a consistent snapshot of its three keys), then an atomic
 * replacement of the target by that snapshot (the save script, which makes it a new version of the target's
 * history). The messages and metadata go through the application as stored strings, never decoded. What is not
 * atomic is the pair: a turn appended to the source between the two is not in the branch, and a turn stored on the
 * target in between is replaced (its writer's next append on the old version then fails with a conflict).
 *
 * <p>These are the Go original's hash field convention and list encoding, and its key names but for the braces,
 * which Go's names lack (so Go's scripts cannot run on Redis Cluster). It differs where this port's model differs:
 * the meta JSON holds what {@link dev.promptkit.state.ConversationState} has (no {@code user_id},
 * {@code system_prompt} or {@code token_count}), messages are this port's {@link dev.promptkit.types.Message} JSON,
 * and there are no summaries, named lists, user or global conversation indexes, nor a reader for the legacy one-key
 * format, since nothing here uses them. Conversations stored by version 0.1 of this port, under the names without
 * braces, are moved once by {@link dev.promptkit.state.redis.LegacyKeyMigration}.
 *
 * <p>What the Redis stores (this one and {@link dev.promptkit.tool.redis.RedisPendingStore}) share lives here too.
 * These classes are <strong>internal</strong>: not part of PromptKit's supported API (see "Public API" in the
 * README), they may change in any release without notice, and the compatibility check leaves them out.
 * <ul>
 * <li>{@link dev.promptkit.state.redis.RedisKeyLayout}: the name of every key, and the rule that keeps them
 * cluster-safe: every key of one conversation carries the conversation id in braces, its Redis Cluster hash tag,
 * so that a script over a conversation's keys runs in one slot. A future per-conversation store (recordings, say)
 * names its keys through it, and touches one conversation per script.</li>
 * <li>{@link dev.promptkit.state.redis.RedisStoreClient}: runs a store's commands and Lua scripts within its
 * time-out, makes writes wait for replicas when asked (Redis {@code WAIT} on the connection that carried the
 * write, the master's own connection on Redis Cluster), and
 * turns failures into the store's exceptions ({@link dev.promptkit.state.StoreUnavailableException} for what
 * passes: an unreachable or silent Redis, a failover in progress, a write no replica confirmed).</li>
 * <li>{@link dev.promptkit.state.redis.LegacyKeyMigration}: moves data stored by version 0.1, whose keys had no
 * hash tag, to the current layout, once (for applications; the starter runs it with
 * {@code promptkit.state-store.migrate-legacy-keys=true}).</li>
 * <li>{@link dev.promptkit.state.redis.LuaScripts}: loads the stores' scripts from the classpath.</li>
 * </ul>
 */
package dev.promptkit.state.redis;
