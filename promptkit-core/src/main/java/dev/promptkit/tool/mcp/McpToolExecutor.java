/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.tool.mcp;

import dev.promptkit.secret.SecretRedactor;
import dev.promptkit.tool.ToolContext;
import dev.promptkit.tool.ToolException;
import dev.promptkit.tool.ToolExecutor;
import dev.promptkit.types.ToolCall;
import io.modelcontextprotocol.spec.McpError;
import reactor.core.publisher.Mono;

/**
 * Runs one MCP tool with {@code tools/call} on whatever connection its server has at the time
 * (connecting first if needed), and turns the outcome into what the model is shown: the result text,
 * or a {@link ToolException} carrying the server's error text or why the server could not be used.
 */
final class McpToolExecutor implements ToolExecutor {

    private final McpServer server;
    private final String toolName;
    private final String qualifiedName;

    McpToolExecutor(McpServer server, String toolName, String qualifiedName) {
        this.server = server;
        this.toolName = toolName;
        this.qualifiedName = qualifiedName;
    }

    @Override
    public Mono<String> execute(ToolCall call, ToolContext context) {
        if (call.args() != null && !call.args().isObject() && !call.args().isNull()) {
            return Mono.error(new ToolException(qualifiedName,
                    "the arguments must be a JSON object, not " + call.argumentsJson()));
        }
        return server.connection()
                .onErrorMap(unavailable -> new ToolException(qualifiedName, unavailable.getMessage(), unavailable))
                .flatMap(connection -> connection.call(toolName, call.arguments())
                        .onErrorMap(failure -> failed(connection, failure)))
                .handle((result, sink) -> {
                    if (Boolean.TRUE.equals(result.isError())) {
                        sink.error(new ToolException(qualifiedName, McpResultText.errorOf(result)));
                    }
                    else {
                        sink.next(McpResultText.of(result));
                    }
                });
    }

    /**
     * A JSON-RPC error or a timeout fails this call only; any other failure means the connection is
     * broken, so the server goes down and reconnects on a later use.
     */
    private ToolException failed(McpConnection connection, Throwable failure) {
        McpServerConfig config = server.config();
        if (failure instanceof McpError) {
            SecretRedactor secrets = config.transport().redactor();
            return new ToolException(qualifiedName, "MCP server '" + config.name() + "' refused the call: "
                    + secrets.redact(failure.getMessage()), secrets.redact(failure));
        }
        if (FailureReason.isTimeout(failure)) {
            return new ToolException(qualifiedName, "MCP server '" + config.name() + "' gave no answer within "
                    + FailureReason.format(config.requestTimeout()), failure);
        }
        McpServerException broken = failure instanceof McpServerException known ? known
                : new McpServerException(config, "failed during a call: "
                        + FailureReason.of(failure, config.requestTimeout()), failure);
        server.lost(connection, broken);
        return new ToolException(qualifiedName, broken.getMessage(), broken);
    }
}
