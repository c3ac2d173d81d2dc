/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.eval;

import java.util.List;

/**
 * The evals of one prompt, compiled: those that can run, and the problems of those that cannot (an unknown type or
 * bad params, each naming the pack's JSON pointer). Problems are reported, they do not fail the pack.
 */
public record EvalPlan(List<CompiledEval> evals, List<String> problems) {

    public EvalPlan {
        evals = List.copyOf(evals);
        problems = List.copyOf(problems);
    }

    /** Runs every eval on {@code context}, in declaration order. */
    public List<EvalResult> runAll(EvalContext context) {
        return evals.stream().map(eval -> eval.run(context)).toList();
    }
}
