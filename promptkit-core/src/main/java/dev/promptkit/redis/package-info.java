/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
/**
 * The Redis plumbing the Redis stores share ({@link dev.promptkit.state.redis.RedisStateStore} and
 * {@link dev.promptkit.tool.redis.RedisPendingStore}): {@link dev.promptkit.redis.RedisStoreClient}, which
 * checks their common constructor arguments, holds the reactive template, runs Lua scripts, and turns failures
 * into the store's own exception, and {@link dev.promptkit.redis.LuaScripts}, which loads their scripts from
 * the classpath. Not meant for applications.
 *
 * <p><strong>Internal:</strong> not part of PromptKit's supported API (see "Public API" in the README); it
 * may change in any release without notice.
 */
package dev.promptkit.redis;
