/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.eval;

import java.math.BigDecimal;

/**
 * The outcome of one eval on one turn: its id and type, the score, whether it passed its threshold, why, whether its
 * handler failed to run (an error, scored 0 and not passed), and what judging cost in US dollars.
 */
public record EvalResult(String evalId, String type, double score, boolean passed, String message, boolean error,
        BigDecimal cost) {

    public EvalResult {
        cost = cost == null ? BigDecimal.ZERO : cost;
    }

    /** A result of a handler that ran and cost nothing. */
    public EvalResult(String evalId, String type, double score, boolean passed, String message) {
        this(evalId, type, score, passed, message, false, BigDecimal.ZERO);
    }

    /** A result that cost nothing. */
    public EvalResult(String evalId, String type, double score, boolean passed, String message, boolean error) {
        this(evalId, type, score, passed, message, error, BigDecimal.ZERO);
    }

    /** {@code passed}, {@code failed} or {@code error} (the handler threw). */
    public String outcome() {
        return error ? "error" : passed ? "passed" : "failed";
    }
}
