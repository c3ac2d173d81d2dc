/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.workflow;

import java.util.List;

/**
 * A pack's {@code workflow} section cannot run: each violation names its JSON pointer in the pack and what is wrong.
 *
 * @since 0.2.0
 */
public class WorkflowDefinitionException extends WorkflowException {

    private static final long serialVersionUID = 1L;

    private final List<String> violations;

    public WorkflowDefinitionException(String packId, List<String> violations) {
        super(null, "Pack '" + packId + "' has no runnable workflow:" + System.lineSeparator() + "  "
                + String.join(System.lineSeparator() + "  ", violations));
        this.violations = List.copyOf(violations);
    }

    /** Each problem as {@code /json/pointer: message}. */
    public List<String> violations() {
        return violations;
    }
}
