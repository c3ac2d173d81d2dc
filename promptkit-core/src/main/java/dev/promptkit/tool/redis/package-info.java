/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
/**
 * A Redis {@link dev.promptkit.tool.PendingStore} for tool calls held for approval:
 * {@link dev.promptkit.tool.redis.RedisPendingStore}, on Spring Data Redis's reactive connections (an
 * optional dependency: add {@code spring-data-redis} and {@code lettuce-core} to use it). It works unchanged on a
 * single Redis, behind Sentinel and on Redis Cluster.
 *
 * <p>Key layout, under a prefix (default {@code promptkit}): each held call is a hash
 * {@code <prefix>:pending:{<conversation id>}:<call id>} ({@code call}, {@code decision}, {@code result}), and a
 * conversation's calls are indexed by creation time in the sorted set {@code <prefix>:pending-index:{<conversation
 * id>}}. The conversation id in braces is the Redis Cluster hash tag of both, the same as the conversation's own keys
 * (see {@link dev.promptkit.state.redis.RedisKeyLayout}), so every script (hold, decide, keep a result, list, forget) runs
 * on the one slot of the conversation, atomically on every topology. Calls held by version 0.1 of this port, under
 * names without braces, are moved once by {@link dev.promptkit.state.redis.LegacyKeyMigration}.
 */
package dev.promptkit.tool.redis;
