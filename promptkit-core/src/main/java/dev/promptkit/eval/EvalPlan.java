/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.eval;

import dev.promptkit.pack.PackWarning;

import java.util.List;

/**
 * The evals of one prompt, compiled: those that can run, and a warning for each that cannot (an unknown type,
 * unknown or bad params), naming the pack and the eval's JSON pointer. Warnings do not fail the pack.
 */
public record EvalPlan(List<CompiledEval> evals, List<PackWarning> warnings) {

    public EvalPlan {
        evals = List.copyOf(evals);
        warnings = List.copyOf(warnings);
    }

    /** The warnings as text: {@code pack <id> <pointer>: <message>}. */
    public List<String> problems() {
        return warnings.stream().map(PackWarning::toString).toList();
    }

    /** Runs every eval on {@code context}, in declaration order. */
    public List<EvalResult> runAll(EvalContext context) {
        return evals.stream().map(eval -> eval.run(context)).toList();
    }
}
