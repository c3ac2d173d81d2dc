/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.eval;

/** Scores one turn for one eval. Implementations are thread-safe. */
@FunctionalInterface
public interface EvalHandler {

    /** Scores {@code context}; never {@code null}. */
    EvalScore evaluate(EvalContext context);

    /** Whether {@link #evaluate} may block (it asks a model); a guardrail then runs it on a worker thread. */
    default boolean blocks() {
        return false;
    }
}
