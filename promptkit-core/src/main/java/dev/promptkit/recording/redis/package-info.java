/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
/**
 * A Redis {@link dev.promptkit.recording.EventStore}: {@link dev.promptkit.recording.redis.RedisEventStore}, one
 * Redis stream per conversation (an optional dependency: {@code spring-data-redis} and {@code lettuce-core}).
 */
package dev.promptkit.recording.redis;
