/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
/**
 * A Redis {@link dev.promptkit.state.StateStore}: {@link dev.promptkit.state.redis.RedisStateStore}, on Spring
 * Data Redis's reactive connections (an optional dependency: add {@code spring-data-redis} and
 * {@code lettuce-core} to use it).
 *
 * <p>Key layout, per conversation, under a prefix (default {@code promptkit}); all three keys share one
 * time to live:
 * <ul>
 * <li>{@code {prefix}:conversation:{id}:meta}: a string, JSON {@code {"id", "updated_at", "message_count"}};
 * a conversation exists while this key does.</li>
 * <li>{@code {prefix}:conversation:{id}:messages}: a list, one JSON message per element, oldest first;
 * each append RPUSHes its turn.</li>
 * <li>{@code {prefix}:conversation:{id}:metadata}: a hash, field {@code user.<key>}, value the JSON
 * string of the metadata value.</li>
 * </ul>
 *
 * <p>These are the Go original's key names, hash field convention and list encoding. It differs where
 * this port's model differs: the meta JSON holds what {@link dev.promptkit.state.ConversationState} has
 * (no {@code user_id}, {@code system_prompt} or {@code token_count}), messages are this port's
 * {@link dev.promptkit.types.Message} JSON, and there are no summaries, named lists, user or global
 * conversation indexes, nor a reader for the legacy one-key format, since nothing here uses them. Fork
 * copies on the server (Redis {@code COPY}, hence 6.2 or later) where Go loads and saves.
 *
 * <p>The keys carry no hash tag (they are the Go names), so one conversation's keys hash to different
 * slots and a script over them cannot run on Redis Cluster: use a standalone Redis, or one behind Sentinel.
 */
package dev.promptkit.state.redis;
