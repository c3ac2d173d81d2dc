/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.autoconfigure.state;

/**
 * Where conversations and held tool calls are kept ({@code promptkit.state-store.type}).
 *
 * @since 0.1.0
 */
public enum StateStoreType {

    /** In Redis, on the application's reactive Redis connection ({@code spring.data.redis.*}). */
    REDIS,

    /** In this JVM's memory: lost on restart, not shared between instances. */
    MEMORY
}
