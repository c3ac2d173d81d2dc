/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.workflow;

import dev.promptkit.pack.WorkflowBudget;
import dev.promptkit.pack.WorkflowState;
import java.time.Duration;
import java.time.Instant;

/**
 * Moves a {@link WorkflowRun} as its {@link WorkflowDefinition} says: checks the event against the current state,
 * applies the target's {@code max_visits} (redirecting to {@code on_max_visits}), and enforces the engine's budget.
 * Stateless and thread-safe.
 *
 * @since 0.2.0
 */
public final class WorkflowMachine {

    private final WorkflowDefinition definition;

    public WorkflowMachine(WorkflowDefinition definition) {
        this.definition = definition;
    }

    public WorkflowDefinition definition() {
        return definition;
    }

    /**
     * The run after {@code event} fired in its current state.
     *
     * @throws WorkflowEventException when the current state has no such event
     * @throws WorkflowMaxVisitsException when the target was entered {@code max_visits} times and has no
     *     {@code on_max_visits}
     * @throws WorkflowBudgetExceededException when a budget limit is reached
     */
    public WorkflowRun transition(String workflowId, WorkflowRun run, String event, String context, Instant now) {
        checkBudget(workflowId, run, now);
        String from = run.currentState();
        String target = definition.isTerminal(from) ? null : definition.state(from).onEvent().get(event);
        if (target == null) {
            throw new WorkflowEventException(workflowId, from, event, definition.events(from));
        }
        WorkflowState targetState = definition.state(target);
        Integer max = targetState.maxVisits();
        String redirectedFrom = null;
        if (max != null && run.visitsOf(target) >= max) {
            if (targetState.onMaxVisits() == null) {
                throw new WorkflowMaxVisitsException(workflowId, from, event, target, max);
            }
            redirectedFrom = target;
            target = targetState.onMaxVisits();
        }
        return run.moved(new WorkflowTransition(from, target, event, context, redirectedFrom, now.toEpochMilli()));
    }

    /**
     * Checks that the run may move once more: its total visits (the move would add one) and what
     * {@link #checkTurn} checks.
     *
     * @throws WorkflowBudgetExceededException naming the limit reached
     */
    public void checkBudget(String workflowId, WorkflowRun run, Instant now) {
        WorkflowBudget budget = budget();
        if (budget != null && budget.maxTotalVisits() != null && run.totalVisits() >= budget.maxTotalVisits()) {
            throw new WorkflowBudgetExceededException(workflowId, "max_total_visits", run.totalVisits(),
                    budget.maxTotalVisits(), run.currentState());
        }
        checkTurn(workflowId, run, now);
    }

    /**
     * Checks that the run may answer a turn: it made no more tool calls than {@code max_tool_calls}, and its wall time
     * is under {@code max_wall_time_sec}.
     *
     * @throws WorkflowBudgetExceededException naming the limit reached
     */
    public void checkTurn(String workflowId, WorkflowRun run, Instant now) {
        WorkflowBudget budget = budget();
        if (budget == null) {
            return;
        }
        if (budget.maxToolCalls() != null && run.toolCalls() > budget.maxToolCalls()) {
            throw new WorkflowBudgetExceededException(workflowId, "max_tool_calls", run.toolCalls(),
                    budget.maxToolCalls(), run.currentState());
        }
        if (budget.maxWallTimeSec() != null) {
            long elapsed = Duration.between(Instant.ofEpochMilli(run.startedAtMillis()), now).toSeconds();
            if (elapsed >= budget.maxWallTimeSec()) {
                throw new WorkflowBudgetExceededException(workflowId, "max_wall_time_sec", elapsed,
                        budget.maxWallTimeSec(), run.currentState());
            }
        }
    }

    private WorkflowBudget budget() {
        return definition.config().engine() == null ? null : definition.config().engine().budget();
    }
}
