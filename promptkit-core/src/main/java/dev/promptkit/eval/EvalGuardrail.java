/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.eval;

import dev.promptkit.validation.Validator;
import dev.promptkit.validation.ValidatorParams;
import dev.promptkit.validation.Verdict;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * One eval handler run as a validator (see {@link EvalGuardrails}): scores the text and passes when the score lies
 * within {@code min_score} and {@code max_score} (without either: when it is 1). A handler that throws fails the
 * text, naming the error.
 */
final class EvalGuardrail implements Validator {

    private final String type;
    private final EvalHandler handler;
    private final double minScore;
    private final double maxScore;

    private EvalGuardrail(String type, EvalHandler handler, double minScore, double maxScore) {
        this.type = type;
        this.handler = handler;
        this.minScore = minScore;
        this.maxScore = maxScore;
    }

    static EvalGuardrail create(String type, EvalHandlerFactory factory, ValidatorParams params) {
        Optional<Double> min = score(params, "min_score");
        Optional<Double> max = score(params, "max_score");
        EvalHandler handler = factory.create(params);
        if (handler == null) {
            throw new IllegalArgumentException("the eval handler factory of '" + type + "' returned null");
        }
        double lower = min.orElse(max.isPresent() ? 0.0 : 1.0);
        double upper = max.orElse(Double.MAX_VALUE);
        if (lower > upper) {
            throw new IllegalArgumentException("'min_score' " + lower + " is over 'max_score' " + upper);
        }
        return new EvalGuardrail(type, handler, lower, upper);
    }

    @Override
    public Verdict validate(String text) {
        EvalScore score;
        try {
            score = handler.evaluate(EvalContext.ofOutput(text));
        }
        catch (RuntimeException ex) {
            return Verdict.fail("The " + type + " guardrail could not judge: " + ex.getMessage(),
                    Map.of("error", String.valueOf(ex.getMessage())));
        }
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("score", score.score());
        details.put("cost_usd", score.cost().toPlainString());
        if (score.score() >= minScore && score.score() <= maxScore) {
            return new Verdict(true, null, details);
        }
        String reason = score.message() != null ? score.message() : "score " + score.score() + " outside "
                + minScore + " to " + (maxScore == Double.MAX_VALUE ? "1" : maxScore);
        return Verdict.fail(reason, details);
    }

    @Override
    public boolean blocks() {
        return handler.blocks();
    }

    private static Optional<Double> score(ValidatorParams params, String name) {
        return params.value(name).map(value -> {
            if (!(value instanceof Number number)) {
                throw new IllegalArgumentException("'" + name + "' must be a number, got " + value);
            }
            return number.doubleValue();
        });
    }
}
