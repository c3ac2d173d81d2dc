/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.tool.mcp;

import dev.promptkit.PromptKitException;
import dev.promptkit.secret.SecretRedactor;

/**
 * An MCP server could not be used: it failed to start, timed out, died or was closed. The message names
 * the server and its command or URL, never the values of its credential headers or environment variables.
 *
 * @since 0.1.0
 */
public class McpServerException extends PromptKitException {

    private static final long serialVersionUID = 1L;

    private final String serverName;

    private final String problem;

    McpServerException(McpServerConfig server, String problem, Throwable cause) {
        this(server, server.transport().redactor(), problem, cause);
    }

    private McpServerException(McpServerConfig server, SecretRedactor secrets, String problem, Throwable cause) {
        super("MCP server '" + server.name() + "' (" + server.transport().describe() + ") " + secrets.redact(problem),
                secrets.redact(cause));
        this.serverName = server.name();
        this.problem = secrets.redact(problem);
    }

    public String serverName() {
        return serverName;
    }

    /** The message without the server's name and command or URL. */
    String problem() {
        return problem;
    }
}
