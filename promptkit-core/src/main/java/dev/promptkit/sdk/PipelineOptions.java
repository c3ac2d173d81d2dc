/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.sdk;

import dev.promptkit.eval.LiveEvaluator;
import dev.promptkit.event.EventBus;
import dev.promptkit.pipeline.PlacedStage;
import dev.promptkit.pipeline.Stage;
import dev.promptkit.pipeline.StagePlacement;
import dev.promptkit.pipeline.VariableProvider;
import dev.promptkit.recording.EventRecorder;
import dev.promptkit.recording.EventStore;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What a conversation's turns run through besides the built-in stages: part of {@link ConversationOptions}.
 * {@link #toString()} shows the variables' names, not their values.
 *
 * @param variables template variables; they lie over the pack's defaults and under {@code setVar}
 * @param variableProviders sources of variables asked afresh every turn; their values win over every other source
 * @param stages custom stages and where each goes, in the order they were added
 * @param eventBus the bus every conversation opened with these options publishes to (for application-wide
 *     listeners); {@code null} for one per conversation
 * @param eventStore where every event of the conversation is recorded; {@code null} for no recording
 * @param liveEvals what runs the pack's evals after the turns, off the response path; {@code null} for none
 *
 * @since 0.1.0
 */
public record PipelineOptions(Map<String, String> variables, List<VariableProvider> variableProviders,
        List<Map.Entry<Stage, StagePlacement>> stages, EventBus eventBus, EventStore eventStore,
        LiveEvaluator liveEvals) {

    /** No variables, variable providers or custom stages; a bus per conversation; no recording; no live evals. */
    public static final PipelineOptions DEFAULTS = new PipelineOptions(Map.of(), List.of(), List.of(), null, null,
            null);

    public PipelineOptions {
        variables = OptionValues.copy(variables, "variable");
        variableProviders = List.copyOf(variableProviders);
        stages = List.copyOf(stages);
    }

    public PipelineOptions withVariable(String name, String value) {
        return new PipelineOptions(OptionValues.plus(variables, OptionValues.text(name, "variable name"),
                Objects.requireNonNull(value, "variable value")), variableProviders, stages, eventBus, eventStore,
                liveEvals);
    }

    public PipelineOptions withVariableProvider(VariableProvider provider) {
        return new PipelineOptions(variables, OptionValues.plus(variableProviders,
                Objects.requireNonNull(provider, "variableProvider")), stages, eventBus, eventStore, liveEvals);
    }

    /** These options with a custom stage placed before or after a built-in stage. */
    public PipelineOptions withStage(Stage stage, StagePlacement placement) {
        return new PipelineOptions(variables, variableProviders, OptionValues.plus(stages,
                Map.entry(Objects.requireNonNull(stage, "stage"), Objects.requireNonNull(placement, "placement"))),
                eventBus, eventStore, liveEvals);
    }

    /** These options with a custom stage where it says ({@link PlacedStage}), else right after the provider. */
    public PipelineOptions withStage(Stage stage) {
        return withStage(stage, stage instanceof PlacedStage placed ? placed.placement() : StagePlacement.DEFAULT);
    }

    public PipelineOptions withEventBus(EventBus bus) {
        return new PipelineOptions(variables, variableProviders, stages, bus, eventStore, liveEvals);
    }

    /** These options recording every event of the conversation into {@code store} ({@link EventRecorder}). */
    public PipelineOptions withEventStore(EventStore store) {
        return new PipelineOptions(variables, variableProviders, stages, eventBus, store, liveEvals);
    }

    /**
     * These options running the pack's and prompt's evals on {@code evaluator} after each turn (and when the
     * conversation ends), by their triggers; results are published as {@code eval.*} events and stored with the turn.
     */
    public PipelineOptions withLiveEvals(LiveEvaluator evaluator) {
        return new PipelineOptions(variables, variableProviders, stages, eventBus, eventStore, evaluator);
    }

    @Override
    public String toString() {
        return "PipelineOptions[variables=" + variables.keySet() + ", variableProviders=" + variableProviders
                + ", stages=" + stages + ", eventBus=" + eventBus + ", eventStore=" + eventStore + ", liveEvals="
                + liveEvals + "]";
    }
}
