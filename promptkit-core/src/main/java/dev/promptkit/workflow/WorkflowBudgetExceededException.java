/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.workflow;

/**
 * A limit of the workflow's {@code engine.budget} is reached: the workflow stops there, and every later turn fails
 * the same way.
 *
 * @since 0.2.0
 */
public class WorkflowBudgetExceededException extends WorkflowException {

    private static final long serialVersionUID = 1L;

    private final String limit;
    private final long used;
    private final long max;
    private final String state;

    public WorkflowBudgetExceededException(String workflowId, String limit, long used, long max, String state) {
        super(workflowId, "budget " + limit + " exhausted in state '" + state + "' (" + used + " of at most " + max
                + ", set in /workflow/engine/budget/" + limit + "); the workflow stops here");
        this.limit = limit;
        this.used = used;
        this.max = max;
        this.state = state;
    }

    /** The budget field reached: {@code max_total_visits}, {@code max_tool_calls} or {@code max_wall_time_sec}. */
    public String limit() {
        return limit;
    }

    public long used() {
        return used;
    }

    public long max() {
        return max;
    }

    /** The state the workflow was in. */
    public String state() {
        return state;
    }
}
