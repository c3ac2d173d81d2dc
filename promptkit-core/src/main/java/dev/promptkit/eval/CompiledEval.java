/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.eval;

import dev.promptkit.pack.Eval;
import dev.promptkit.pack.EvalThreshold;

/**
 * A pack eval with its handler, ready to run: scores a turn and applies the eval's threshold (without one, a turn
 * passes on a full score). A handler that throws yields an error result naming the error.
 */
public record CompiledEval(Eval definition, EvalHandler handler) {

    /** Runs the handler on {@code context}. */
    public EvalResult run(EvalContext context) {
        EvalScore score;
        try {
            score = handler.evaluate(context);
        }
        catch (RuntimeException ex) {
            return new EvalResult(definition.id(), definition.type(), 0, false, "handler failed: " + ex.getMessage(),
                    true);
        }
        String message = score.message() != null ? score.message() : definition.message();
        return new EvalResult(definition.id(), definition.type(), score.score(), passes(score.score()), message,
                false, score.cost());
    }

    /** Whether {@code score} meets this eval's threshold (without one: a full score). */
    public boolean passes(double score) {
        EvalThreshold threshold = definition.threshold();
        if (threshold == null || threshold.value() == null) {
            return score >= 1;
        }
        double value = threshold.value();
        String operator = threshold.operator() == null ? "gte" : threshold.operator();
        return switch (operator) {
            case "gte" -> score >= value;
            case "gt" -> score > value;
            case "lte" -> score <= value;
            case "lt" -> score < value;
            case "eq" -> score == value;
            default -> throw new IllegalStateException("unchecked threshold operator " + operator);
        };
    }
}
