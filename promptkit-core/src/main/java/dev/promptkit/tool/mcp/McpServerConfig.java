/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.tool.mcp;

import java.time.Duration;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One MCP server as the application configures it: a name (its tools are offered as
 * {@code mcp__<name>__<tool>}), how to reach it, which of its tools to offer, how long to wait for an
 * answer to a request and for the start-up handshake, and how long a failed server rests before it
 * is tried again.
 *
 * <pre>{@code
 * McpServerConfig files = McpServerConfig.of("files",
 *                 McpTransportConfig.stdio("npx", "-y", "@modelcontextprotocol/server-filesystem", "/srv/docs"))
 *         .withToolFilter(McpToolFilter.allow("read_*", "list_*"))
 *         .withRequestTimeout(Duration.ofSeconds(10));
 * }</pre>
 *
 * @since 0.1.0
 */
public record McpServerConfig(String name, McpTransportConfig transport, McpToolFilter toolFilter,
        Duration requestTimeout, Duration initTimeout, McpRetryBackoff retryBackoff) {

    public static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(30);

    public static final Duration DEFAULT_INIT_TIMEOUT = Duration.ofSeconds(10);

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_-]+");

    /** Nulls take the defaults: every tool, 30 s per request, 10 s to initialise, {@link McpRetryBackoff#DEFAULT}. */
    public McpServerConfig {
        Objects.requireNonNull(name, "name");
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("An MCP server name may hold only letters, digits, '_' and '-'"
                    + " (it becomes part of tool names): '" + name + "'");
        }
        Objects.requireNonNull(transport, "transport");
        toolFilter = toolFilter == null ? McpToolFilter.ALL : toolFilter;
        requestTimeout = positive(requestTimeout, DEFAULT_REQUEST_TIMEOUT, "requestTimeout");
        initTimeout = positive(initTimeout, DEFAULT_INIT_TIMEOUT, "initTimeout");
        retryBackoff = retryBackoff == null ? McpRetryBackoff.DEFAULT : retryBackoff;
    }

    public static McpServerConfig of(String name, McpTransportConfig transport) {
        return new McpServerConfig(name, transport, null, null, null, null);
    }

    public McpServerConfig withToolFilter(McpToolFilter toolFilter) {
        return new McpServerConfig(name, transport, toolFilter, requestTimeout, initTimeout, retryBackoff);
    }

    public McpServerConfig withRequestTimeout(Duration requestTimeout) {
        return new McpServerConfig(name, transport, toolFilter, requestTimeout, initTimeout, retryBackoff);
    }

    public McpServerConfig withInitTimeout(Duration initTimeout) {
        return new McpServerConfig(name, transport, toolFilter, requestTimeout, initTimeout, retryBackoff);
    }

    public McpServerConfig withRetryBackoff(McpRetryBackoff retryBackoff) {
        return new McpServerConfig(name, transport, toolFilter, requestTimeout, initTimeout, retryBackoff);
    }

    private static Duration positive(Duration value, Duration fallback, String what) {
        if (value == null) {
            return fallback;
        }
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(what + " must be positive, not " + value);
        }
        return value;
    }
}
