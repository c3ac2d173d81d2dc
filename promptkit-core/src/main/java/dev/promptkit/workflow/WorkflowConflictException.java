/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.workflow;

/**
 * Another turn (of this instance or another) moved the workflow while this turn was answered: nothing of this
 * turn was stored; resume the workflow to see where it is now, and send again.
 *
 * @since 0.2.0
 */
public class WorkflowConflictException extends WorkflowException {

    private static final long serialVersionUID = 1L;

    public WorkflowConflictException(String workflowId, Throwable cause) {
        super(workflowId, "another turn moved the workflow while this one was answered; nothing of this turn was"
                + " stored: resume the workflow and send again", cause);
    }
}
