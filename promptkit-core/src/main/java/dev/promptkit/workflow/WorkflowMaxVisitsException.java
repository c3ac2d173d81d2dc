/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.workflow;

/**
 * A transition targets a state already entered {@code max_visits} times, and that state names no
 * {@code on_max_visits} state to go to instead: the workflow terminates.
 *
 * @since 0.2.0
 */
public class WorkflowMaxVisitsException extends WorkflowException {

    private static final long serialVersionUID = 1L;

    private final String target;
    private final int maxVisits;

    public WorkflowMaxVisitsException(String workflowId, String from, String event, String target, int maxVisits) {
        super(workflowId, "event '" + event + "' in state '" + from + "' targets state '" + target
                + "', which was already entered " + maxVisits + " times (its max_visits, /workflow/states/" + target
                + "/max_visits) and names no on_max_visits state; the workflow stops here");
        this.target = target;
        this.maxVisits = maxVisits;
    }

    public String target() {
        return target;
    }

    public int maxVisits() {
        return maxVisits;
    }
}
