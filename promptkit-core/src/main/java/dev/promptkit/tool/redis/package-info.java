/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
/**
 * A Redis {@link dev.promptkit.tool.PendingStore} for tool calls held for approval:
 * {@link dev.promptkit.tool.redis.RedisPendingStore}, on Spring Data Redis's reactive connections (an
 * optional dependency: add {@code spring-data-redis} and {@code lettuce-core} to use it).
 */
package dev.promptkit.tool.redis;
