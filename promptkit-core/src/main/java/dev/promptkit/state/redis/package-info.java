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
 * {@link dev.promptkit.redis.RedisKeyLayout}); all three share one time to live:
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
 * braces, are moved once by {@link dev.promptkit.redis.LegacyKeyMigration}.
 */
package dev.promptkit.state.redis;
