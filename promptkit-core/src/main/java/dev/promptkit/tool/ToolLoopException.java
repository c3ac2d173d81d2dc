/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.tool;

import dev.promptkit.PromptKitException;

/**
 * The tool loop had to stop a turn: too many rounds, or the model kept repeating one call.
 *
 * @since 0.1.0
 */
public class ToolLoopException extends PromptKitException {

    private static final long serialVersionUID = 1L;

    public ToolLoopException(String message) {
        super(message);
    }
}
