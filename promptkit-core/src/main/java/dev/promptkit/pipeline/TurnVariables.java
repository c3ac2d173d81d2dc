/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.pipeline;

import dev.promptkit.pack.Prompt;
import dev.promptkit.pack.VariableResolver;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Works out a turn's variables: the prompt's defaults, under the values set on the conversation, under the values
 * of the {@link VariableProvider}s (asked afresh each turn, later ones winning). Checks required variables and
 * validation rules, failing with an error naming the variable.
 *
 * @since 0.1.0
 */
public final class TurnVariables {

    private final List<VariableProvider> providers;

    public TurnVariables(List<VariableProvider> providers) {
        this.providers = List.copyOf(providers);
    }

    /** The final values for {@code request} on {@code prompt}. */
    public Mono<Map<String, String>> resolve(TurnRequest request, Prompt prompt) {
        return provided(request).map(provided -> {
            Map<String, String> merged = new HashMap<>(request.variables());
            merged.putAll(provided);
            return VariableResolver.resolve(prompt, merged);
        });
    }

    private Mono<Map<String, String>> provided(TurnRequest request) {
        if (providers.isEmpty()) {
            return Mono.just(Map.of());
        }
        return Flux.fromIterable(providers)
                .concatMap(provider -> provider.variables(request).defaultIfEmpty(Map.of()))
                .reduce(new HashMap<String, String>(), (all, some) -> {
                    all.putAll(some);
                    return all;
                });
    }
}
