/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.eval;

import java.math.BigDecimal;

/**
 * The outcome of one eval on one turn: its id and type, the score, whether it passed its threshold, why, and what
 * judging cost in US dollars.
 */
public record EvalResult(String evalId, String type, double score, boolean passed, String message, BigDecimal cost) {

    public EvalResult {
        cost = cost == null ? BigDecimal.ZERO : cost;
    }

    /** A result that cost nothing. */
    public EvalResult(String evalId, String type, double score, boolean passed, String message) {
        this(evalId, type, score, passed, message, BigDecimal.ZERO);
    }
}
