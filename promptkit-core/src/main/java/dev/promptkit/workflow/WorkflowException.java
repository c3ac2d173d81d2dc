/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.workflow;

import dev.promptkit.PromptKitException;

/**
 * A workflow could not be opened, resumed or moved. Nothing of the turn that failed was stored.
 *
 * @since 0.2.0
 */
public class WorkflowException extends PromptKitException {

    private static final long serialVersionUID = 1L;

    private final String workflowId;

    public WorkflowException(String workflowId, String message) {
        this(workflowId, message, null);
    }

    public WorkflowException(String workflowId, String message, Throwable cause) {
        super(workflowId == null ? message : "Workflow '" + workflowId + "': " + message, cause);
        this.workflowId = workflowId;
    }

    /** The workflow's id, or {@code null} when the failure concerns its definition. */
    public String workflowId() {
        return workflowId;
    }
}
