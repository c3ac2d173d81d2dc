/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.sdk;

import dev.promptkit.workflow.WorkflowMachine;
import dev.promptkit.workflow.WorkflowRun;
import dev.promptkit.workflow.WorkflowTransition;
import java.time.Instant;

/**
 * One turn of a workflow in progress: the run it started from (at version {@code version} of the stored history),
 * the transition the model asked for and the artifacts it set. The run it leads to is worked out once the turn's
 * answer is complete ({@link #finish}) and stored with the turn.
 */
final class WorkflowStep {

    private final WorkflowRun base;
    private final long version;
    private WorkflowRun changed;
    private String event;
    private String context;
    private WorkflowRun finished;

    WorkflowStep(WorkflowRun base, long version) {
        this.base = base;
        this.version = version;
        this.changed = base;
    }

    WorkflowRun base() {
        return base;
    }

    long version() {
        return version;
    }

    /** Records the transition the model asked for; a later call in the same turn replaces it. */
    synchronized void transition(String askedEvent, String carriedContext) {
        this.event = askedEvent;
        this.context = carriedContext;
    }

    synchronized void artifact(String name, String value, boolean append) {
        changed = changed.withArtifact(name, value, append);
    }

    /**
     * The run this turn leads to: with its tool calls counted, its artifacts set and its transition made.
     *
     * @throws dev.promptkit.workflow.WorkflowException when the budget or a state's {@code max_visits} refuses it
     */
    synchronized WorkflowRun finish(WorkflowMachine machine, String workflowId, int toolCalls, Instant now) {
        WorkflowRun counted = changed.withToolCalls(toolCalls);
        machine.checkTurn(workflowId, counted, now);
        finished = event == null ? counted : machine.transition(workflowId, counted, event, context, now);
        return finished;
    }

    /** The run the turn led to, once {@link #finish finished}. */
    synchronized WorkflowRun finished() {
        return finished;
    }

    /** The transition this turn made, or {@code null}. */
    synchronized WorkflowTransition made() {
        return finished == null || event == null ? null : finished.transitions().get(finished.transitions().size() - 1);
    }
}
