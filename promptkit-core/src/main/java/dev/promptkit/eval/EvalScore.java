/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.eval;

import java.math.BigDecimal;

/**
 * What a handler found: a score (1 is best, 0 worst for pass/fail handlers), an explanation, and what judging cost
 * in US dollars (zero unless the handler called a model, as {@code llm_judge} does).
 */
public record EvalScore(double score, String message, BigDecimal cost) {

    public EvalScore {
        cost = cost == null ? BigDecimal.ZERO : cost;
    }

    /** A score that cost nothing. */
    public EvalScore(double score, String message) {
        this(score, message, BigDecimal.ZERO);
    }

    /** A full pass. */
    public static EvalScore pass() {
        return new EvalScore(1, null);
    }

    /** A failure with its reason. */
    public static EvalScore fail(String message) {
        return new EvalScore(0, message);
    }
}
