/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.pipeline;

import java.util.List;
import reactor.core.publisher.Flux;

/**
 * An ordered chain of {@link Stage}s, built once (see {@link PipelineBuilder}) and executed once per
 * turn. Execution is lazy: nothing runs until the returned {@link Flux} is subscribed, and cancelling
 * it cancels every stage.
 *
 * @since 0.1.0
 */
public final class Pipeline {

    private final List<Stage> stages;

    Pipeline(List<Stage> stages) {
        this.stages = List.copyOf(stages);
    }

    /** Runs the stages over {@code input} for one turn. */
    public Flux<StreamElement> execute(Flux<StreamElement> input, TurnContext turn) {
        Flux<StreamElement> flux = input;
        for (Stage stage : stages) {
            flux = stage.process(flux, turn);
        }
        return flux;
    }

    /** The stages in execution order. */
    public List<Stage> stages() {
        return stages;
    }

    /** The stage names in execution order. */
    public List<String> stageNames() {
        return stages.stream().map(Stage::name).toList();
    }
}
