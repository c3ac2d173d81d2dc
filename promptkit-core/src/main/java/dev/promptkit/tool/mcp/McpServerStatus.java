/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.tool.mcp;

/**
 * Where an {@link McpServer}'s connection stands.
 *
 * @since 0.1.0
 */
public enum McpServerStatus {

    /** Not used yet: the server is started or reached on first use. */
    IDLE,

    /** Starting the process or reaching the URL, then {@code initialize} and {@code tools/list}. */
    CONNECTING,

    /** Connected; its tools are offered. */
    UP,

    /** Failed to start, timed out or died; see {@link McpServer#lastError()}. Tried again on use after a backoff. */
    DOWN,

    /** {@link McpServer#close() Closed}; never used again. */
    CLOSED
}
