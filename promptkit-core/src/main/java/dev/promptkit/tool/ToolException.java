/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.tool;

import dev.promptkit.PromptKitException;

/**
 * A tool could not be run or failed; names the tool.
 *
 * @since 0.1.0
 */
public class ToolException extends PromptKitException {

    private static final long serialVersionUID = 1L;

    private final String toolName;

    public ToolException(String toolName, String message) {
        this(toolName, message, null);
    }

    public ToolException(String toolName, String message, Throwable cause) {
        super("Tool '" + toolName + "': " + message, cause);
        this.toolName = toolName;
    }

    public String toolName() {
        return toolName;
    }
}
