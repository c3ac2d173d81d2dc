/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.tool.mcp;

import java.util.Locale;

/**
 * How an MCP server is reached: the value of {@code promptkit.mcp.servers.<name>.transport}.
 *
 * @since 0.1.0
 */
public enum McpTransportType {

    /** A local process spoken to over stdin and stdout. */
    STDIO,

    /** One HTTP endpoint that takes POSTed messages and may answer them as a stream (MCP 2025-03-26 and later). */
    STREAMABLE_HTTP,

    /**
     * The legacy HTTP+SSE transport of MCP 2024-11-05: an event stream the client opens with a GET, which names
     * the URL the client POSTs its messages to and carries the server's answers.
     */
    SSE;

    /** The name as configured: {@code stdio}, {@code streamable-http} or {@code sse}. */
    public String value() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
