/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.pipeline;

import java.util.function.Supplier;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Runs a stage's per-turn preparation (resolving variables, rendering the system prompt) when the
 * stage's first input arrives, so that preparations run in pipeline order: subscription travels from
 * the last stage to the first, but elements travel from the first to the last, and a stage may need
 * what an earlier stage prepared.
 *
 * @since 0.1.0
 */
public final class TurnPreparation {

    private TurnPreparation() {
    }

    /** {@code in}, with {@code preparation} run (and awaited) before its first element is passed on. */
    public static Flux<StreamElement> before(Flux<StreamElement> in, Supplier<Mono<Void>> preparation) {
        return in.switchOnFirst((first, elements) -> first.isOnError() ? elements
                : preparation.get().thenMany(elements));
    }

    /** {@code in}, with a synchronous {@code preparation} run before its first element is passed on. */
    public static Flux<StreamElement> before(Flux<StreamElement> in, Runnable preparation) {
        return before(in, () -> Mono.fromRunnable(preparation));
    }
}
