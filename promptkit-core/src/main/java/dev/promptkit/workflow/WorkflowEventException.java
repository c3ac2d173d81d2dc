/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.workflow;

import java.util.List;

/**
 * An event the current state does not declare in its {@code on_event} (or a state that is terminal).
 *
 * @since 0.2.0
 */
public class WorkflowEventException extends WorkflowException {

    private static final long serialVersionUID = 1L;

    public WorkflowEventException(String workflowId, String state, String event, List<String> available) {
        super(workflowId, available.isEmpty()
                ? "state '" + state + "' is terminal: it has no event '" + event + "' (nor any other)"
                : "state '" + state + "' has no event '" + event + "'; its events: " + String.join(", ", available));
    }
}
