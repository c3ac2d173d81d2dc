/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
/**
 * What the Redis stores ({@link dev.promptkit.state.redis.RedisStateStore},
 * {@link dev.promptkit.tool.redis.RedisPendingStore}) share.
 *
 * <ul>
 * <li>{@link dev.promptkit.redis.RedisKeyLayout}: the name of every key, and the rule that keeps them cluster-safe:
 * every key of one conversation carries the conversation id in braces, its Redis Cluster hash tag, so that a script
 * over a conversation's keys runs in one slot. A future per-conversation store (recordings, say) names its keys
 * through it, and touches one conversation per script.</li>
 * <li>{@link dev.promptkit.redis.RedisStoreClient}: runs a store's commands and Lua scripts within its time-out,
 * makes writes wait for replicas when asked (Redis {@code WAIT} on the connection that carried the write, the
 * master's own connection on Redis Cluster), and turns failures into the store's exceptions
 * ({@link dev.promptkit.state.StoreUnavailableException} for what passes: an unreachable or silent Redis, a failover
 * in progress, a write no replica confirmed).</li>
 * <li>{@link dev.promptkit.redis.LegacyKeyMigration}: moves data stored by version 0.1, whose keys had no hash tag,
 * to the current layout, once (for applications; the starter runs it with
 * {@code promptkit.state-store.migrate-legacy-keys=true}).</li>
 * <li>{@link dev.promptkit.redis.LuaScripts}: loads the stores' scripts from the classpath.</li>
 * </ul>
 *
 * <p><strong>Internal:</strong> not part of PromptKit's supported API (see "Public API" in the README); it
 * may change in any release without notice.
 */
package dev.promptkit.redis;
