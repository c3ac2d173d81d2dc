/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.workflow;

/**
 * No workflow is stored under the id: the store holds nothing there, or a conversation that is not a workflow.
 *
 * @since 0.2.0
 */
public class WorkflowNotFoundException extends WorkflowException {

    private static final long serialVersionUID = 1L;

    public WorkflowNotFoundException(String workflowId, String why) {
        super(workflowId, why);
    }
}
