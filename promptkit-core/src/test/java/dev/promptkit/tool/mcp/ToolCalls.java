/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.tool.mcp;

import dev.promptkit.tool.ToolContext;
import dev.promptkit.types.ToolCall;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** Calls MCP tools the way the tool loop does: through their {@link dev.promptkit.tool.ToolExecutor}. */
final class ToolCalls {

    static final Duration WAIT = Duration.ofSeconds(20);

    private ToolCalls() {
    }

    /** Calls the server's tool {@code tool} (its own name, not the qualified one). */
    static String call(McpServer server, String tool, Map<String, ?> arguments) {
        return execute(tool(server.tools().block(WAIT), "mcp__" + server.name() + "__" + tool), arguments);
    }

    static String execute(McpTool tool, Map<String, ?> arguments) {
        String name = tool.descriptor().name();
        return tool.executor()
                .execute(ToolCall.of("call-1", name, arguments), new ToolContext("conversation-1", "call-1", name))
                .block(WAIT);
    }

    static McpTool tool(List<McpTool> tools, String qualifiedName) {
        return tools.stream().filter(tool -> tool.descriptor().name().equals(qualifiedName)).findFirst().orElseThrow();
    }
}
