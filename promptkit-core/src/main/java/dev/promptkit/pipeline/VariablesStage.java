/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.pipeline;

import dev.promptkit.pack.VariableResolver;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Works out the turn's variables: the prompt's defaults, under the values set on the conversation,
 * under the values of the {@link VariableProvider}s (asked afresh each turn, later ones winning).
 * Checks required variables and validation rules, failing the turn with an error naming the variable.
 *
 * @since 0.1.0
 */
public final class VariablesStage implements Stage {

    public static final String NAME = "variables";

    private final List<VariableProvider> providers;

    public VariablesStage(List<VariableProvider> providers) {
        this.providers = List.copyOf(providers);
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public StageType type() {
        return StageType.TRANSFORM;
    }

    @Override
    public Flux<StreamElement> process(Flux<StreamElement> in, TurnContext turn) {
        return TurnPreparation.before(in, () -> providedVariables(turn)
                .doOnNext(provided -> {
                    Map<String, String> merged = new HashMap<>(turn.requestedVariables());
                    merged.putAll(provided);
                    turn.variables(VariableResolver.resolve(turn.prompt(), merged));
                })
                .then());
    }

    private Mono<Map<String, String>> providedVariables(TurnContext turn) {
        if (providers.isEmpty()) {
            return Mono.just(Map.of());
        }
        return Flux.fromIterable(providers)
                .concatMap(provider -> provider.variables(turn).defaultIfEmpty(Map.of()))
                .reduce(new HashMap<String, String>(), (all, some) -> {
                    all.putAll(some);
                    return all;
                });
    }
}
