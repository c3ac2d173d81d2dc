/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.tool;

import dev.promptkit.PromptKitException;
import java.util.Collection;
import java.util.TreeSet;

/**
 * A handler was registered for a tool the pack does not declare; lists the tools it does declare.
 *
 * @since 0.1.0
 */
public class ToolNotInPackException extends PromptKitException {

    private static final long serialVersionUID = 1L;

    public ToolNotInPackException(String toolName, Collection<String> packTools) {
        super("The pack declares no tool '" + toolName + "'; its tools are " + new TreeSet<>(packTools));
    }
}
