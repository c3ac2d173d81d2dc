/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.pipeline;

import java.util.Map;
import reactor.core.publisher.Mono;

/**
 * Supplies template variables afresh on every turn (the current time, a user's profile, a feature
 * flag). Values from variable providers win over every other source; when several providers set one
 * name, the later provider wins. Must not block: return a {@link Mono} that completes when the
 * values are known.
 *
 * <pre>{@code
 * VariableProvider tier = turn -> accounts.findTier(turn.conversationId())
 *         .map(t -> Map.of("customer_tier", t));
 * }</pre>
 *
 * @since 0.1.0
 */
@FunctionalInterface
public interface VariableProvider {

    Mono<Map<String, String>> variables(TurnRequest turn);
}
