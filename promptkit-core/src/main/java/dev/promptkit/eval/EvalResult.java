/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.eval;

/**
 * The outcome of one eval on one turn: its id and type, the score, whether it passed its threshold, why, and whether
 * its handler failed to run (an error, scored 0 and not passed).
 */
public record EvalResult(String evalId, String type, double score, boolean passed, String message, boolean error) {

    /** A result of a handler that ran. */
    public EvalResult(String evalId, String type, double score, boolean passed, String message) {
        this(evalId, type, score, passed, message, false);
    }

    /** {@code passed}, {@code failed} or {@code error} (the handler threw). */
    public String outcome() {
        return error ? "error" : passed ? "passed" : "failed";
    }
}
