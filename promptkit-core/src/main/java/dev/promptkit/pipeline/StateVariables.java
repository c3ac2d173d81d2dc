/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.pipeline;

import dev.promptkit.state.StateStore;
import java.util.Map;
import java.util.Objects;
import reactor.core.publisher.Mono;

/**
 * Template variables read from the conversation's stored metadata, afresh every turn: the entries whose key starts
 * with a prefix ({@code user_}), named with or without it. Whatever writes that metadata (another instance, a back
 * office job calling {@link StateStore#append(String, java.util.List, Map)} with no messages) is seen by the next
 * turn. A conversation not stored yet has none.
 *
 * <pre>{@code
 * store.append(id, List.of(), Map.of("user_tier", "gold")).block();
 * ConversationOptions.builder().variableProvider(new StateVariables(store, "user_", true));  // {{tier}} = gold
 * }</pre>
 *
 * @since 0.1.0
 */
public final class StateVariables implements VariableProvider {

    private final StateStore store;
    private final String keyPrefix;
    private final boolean stripPrefix;

    /**
     * @param store where the conversation is stored (the conversation's own store)
     * @param keyPrefix only metadata keys starting with it become variables; empty for every key
     * @param stripPrefix whether the variable is named without the prefix ({@code user_tier} becomes {@code tier})
     */
    public StateVariables(StateStore store, String keyPrefix, boolean stripPrefix) {
        this.store = Objects.requireNonNull(store, "store");
        this.keyPrefix = Objects.requireNonNull(keyPrefix, "keyPrefix");
        this.stripPrefix = stripPrefix;
    }

    @Override
    public Mono<Map<String, String>> variables(TurnRequest turn) {
        return store.load(turn.conversationId())
                .map(state -> PrefixedEntries.select(state.metadata(), keyPrefix,
                        name -> stripPrefix ? name : keyPrefix + name))
                .defaultIfEmpty(Map.of());
    }
}
