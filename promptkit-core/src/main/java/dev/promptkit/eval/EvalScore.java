/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.eval;

/** What a handler found: a score (1 is best, 0 worst for pass/fail handlers) and an explanation. */
public record EvalScore(double score, String message) {

    /** A full pass. */
    public static EvalScore pass() {
        return new EvalScore(1, null);
    }

    /** A failure with its reason. */
    public static EvalScore fail(String message) {
        return new EvalScore(0, message);
    }
}
