/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.tool;

/**
 * The model called a tool that has no handler. The model is told so as the call's error result (it
 * can recover); the exception is what that result says.
 *
 * @since 0.1.0
 */
public class ToolNotRegisteredException extends ToolException {

    private static final long serialVersionUID = 1L;

    public ToolNotRegisteredException(String toolName) {
        super(toolName, "no handler is registered for this tool (onTool, @PromptTool, an HTTP or MCP binding)");
    }
}
