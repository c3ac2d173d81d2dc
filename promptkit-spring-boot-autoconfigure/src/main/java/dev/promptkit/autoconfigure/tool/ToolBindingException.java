/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.autoconfigure.tool;

import dev.promptkit.PromptKitException;

/**
 * The application's tool handlers do not fit the packs' tools: a handler for a tool no pack declares, two handlers
 * for one tool, a {@code @PromptTool} parameter no argument of the tool's schema fills, an approval expression
 * that does not parse, or (with {@code promptkit.tools.require-handlers=true}) pack tools with no handler. Start-up
 * fails with it; {@link ToolBindingFailureAnalyzer} explains it.
 *
 * @since 0.1.0
 */
public class ToolBindingException extends PromptKitException {

    private static final long serialVersionUID = 1L;

    private final String action;

    /**
     * @param problem what does not fit, naming the handler and the tool
     * @param action what to change
     */
    ToolBindingException(String problem, String action, Throwable cause) {
        super(problem, cause);
        this.action = action;
    }

    /** What to change. */
    public String action() {
        return action;
    }
}
