/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.workflow;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Where a workflow is: its current state, how often each state was entered, its artifacts, the tool calls it made,
 * when it started, and its latest transitions (at most {@value #MAX_TRANSITIONS}, oldest dropped first). Immutable;
 * stored with the workflow's conversation.
 *
 * @since 0.2.0
 */
public record WorkflowRun(
        @JsonProperty("state") String currentState,
        @JsonProperty("visits") Map<String, Integer> visits,
        @JsonProperty("artifacts") Map<String, String> artifacts,
        @JsonProperty("tool_calls") int toolCalls,
        @JsonProperty("started_at") long startedAtMillis,
        @JsonProperty("transitions") List<WorkflowTransition> transitions) {

    /** How many transitions a run keeps. */
    public static final int MAX_TRANSITIONS = 100;

    public WorkflowRun {
        visits = visits == null ? Map.of() : Map.copyOf(visits);
        artifacts = artifacts == null ? Map.of() : Map.copyOf(artifacts);
        transitions = transitions == null ? List.of() : List.copyOf(transitions);
    }

    /** A run that has just entered {@code entry}. */
    public static WorkflowRun start(String entry, Instant now) {
        return new WorkflowRun(entry, Map.of(entry, 1), Map.of(), 0, now.toEpochMilli(), List.of());
    }

    /** Visits of all states together (the entry state's first one included). */
    @JsonIgnore
    public int totalVisits() {
        return visits.values().stream().mapToInt(Integer::intValue).sum();
    }

    public int visitsOf(String state) {
        return visits.getOrDefault(state, 0);
    }

    /** The context the model carried into the current state, or an empty string. */
    @JsonIgnore
    public String carriedContext() {
        if (transitions.isEmpty()) {
            return "";
        }
        String context = transitions.get(transitions.size() - 1).context();
        return context == null ? "" : context;
    }

    /** This run with {@code calls} more tool calls. */
    public WorkflowRun withToolCalls(int calls) {
        return new WorkflowRun(currentState, visits, artifacts, toolCalls + calls, startedAtMillis, transitions);
    }

    /** This run with artifact {@code name} replaced by {@code value}, or {@code value} appended to it. */
    public WorkflowRun withArtifact(String name, String value, boolean append) {
        Map<String, String> changed = new LinkedHashMap<>(artifacts);
        changed.merge(name, value, (old, added) -> append ? old + added : added);
        return new WorkflowRun(currentState, visits, changed, toolCalls, startedAtMillis, transitions);
    }

    /** This run after {@code transition}: in its target state, entered once more. */
    public WorkflowRun moved(WorkflowTransition transition) {
        Map<String, Integer> counted = new LinkedHashMap<>(visits);
        counted.merge(transition.to(), 1, Integer::sum);
        List<WorkflowTransition> kept = new ArrayList<>(transitions);
        kept.add(transition);
        if (kept.size() > MAX_TRANSITIONS) {
            kept.subList(0, kept.size() - MAX_TRANSITIONS).clear();
        }
        return new WorkflowRun(transition.to(), counted, artifacts, toolCalls, startedAtMillis, kept);
    }
}
