/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
/**
 * MCP client: tools served by Model Context Protocol servers, offered to models as
 * {@code mcp__<server>__<tool>}, over stdio, streamable HTTP or the legacy HTTP+SSE transport
 * ({@link dev.promptkit.tool.mcp.McpTransportConfig}). {@link dev.promptkit.tool.mcp.McpServers} holds the
 * configured servers; each {@link dev.promptkit.tool.mcp.McpServer} connects on first use, and a server that
 * fails is reported {@link dev.promptkit.tool.mcp.McpServerStatus#DOWN DOWN} and retried later without
 * affecting the others.
 */
package dev.promptkit.tool.mcp;
