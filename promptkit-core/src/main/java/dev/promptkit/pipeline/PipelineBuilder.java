/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.pipeline;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Assembles a {@link Pipeline}: stages in order with {@link #chain}, custom stages placed relative to a
 * named stage with {@link #insertBefore} and {@link #insertAfter}. {@link #build()} rejects an empty
 * pipeline and duplicate names.
 *
 * @since 0.1.0
 */
public final class PipelineBuilder {

    /** The names of the stages whose work {@link TurnPreparer} does now. */
    private static final Set<String> PREPARATION_STAGES = Set.of("state_load", "variables", "prompt_assembly",
            "template", "context_budget");

    private final List<Stage> stages = new ArrayList<>();

    public PipelineBuilder chain(Stage... more) {
        stages.addAll(List.of(more));
        return this;
    }

    public PipelineBuilder insertBefore(String stageName, Stage stage) {
        stages.add(indexOf(stageName), stage);
        return this;
    }

    public PipelineBuilder insertAfter(String stageName, Stage stage) {
        stages.add(indexOf(stageName) + 1, stage);
        return this;
    }

    public Pipeline build() {
        if (stages.isEmpty()) {
            throw new IllegalStateException("A pipeline needs at least one stage");
        }
        Set<String> names = new HashSet<>();
        for (Stage stage : stages) {
            if (!names.add(stage.name())) {
                throw new IllegalStateException("Two stages are named '" + stage.name() + "'; stage names must be unique");
            }
        }
        return new Pipeline(stages);
    }

    private int indexOf(String stageName) {
        for (int i = 0; i < stages.size(); i++) {
            if (stages.get(i).name().equals(stageName)) {
                return i;
            }
        }
        if (PREPARATION_STAGES.contains(stageName)) {
            throw new IllegalArgumentException("The stage '" + stageName + "' was removed: a turn is prepared (history,"
                    + " variables, tools, system prompt, token budget) by TurnPreparer before its pipeline runs, and"
                    + " stages read the result from TurnContext; place the stage before 'provider' instead. Stages are "
                    + stages.stream().map(Stage::name).toList());
        }
        throw new IllegalArgumentException("No stage named '" + stageName + "' in the pipeline; stages are "
                + stages.stream().map(Stage::name).toList());
    }
}
