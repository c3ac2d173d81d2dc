/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.tool.mcp;

import dev.promptkit.tool.ToolExecutor;
import dev.promptkit.types.ToolDescriptor;

/**
 * One tool of an MCP server as a model sees it: named {@code mcp__<server>__<tool>}, with the server's
 * description and input schema, and the executor that calls it on the server. The executor stays
 * valid across reconnections of its server.
 *
 * @since 0.1.0
 */
public record McpTool(ToolDescriptor descriptor, ToolExecutor executor) {
}
