/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.testing;

import dev.promptkit.eval.CompiledEval;
import dev.promptkit.eval.EvalContext;
import dev.promptkit.eval.EvalPlan;
import dev.promptkit.eval.EvalRegistry;
import dev.promptkit.pack.Pack;
import dev.promptkit.validation.ValidatorRegistry;

import java.util.ArrayList;
import java.util.List;

/**
 * Offline evals: runs a prompt's evals over recorded or scripted turns and compares each eval's mean score with its
 * threshold, so a prompt change that drops a score fails the build.
 *
 * <pre>{@code
 * EvalRunner.forPrompt(pack, "support").run(turns).assertPassed();
 * }</pre>
 */
public final class EvalRunner {

    private final EvalPlan plan;

    private EvalRunner(EvalPlan plan) {
        this.plan = plan;
    }

    /**
     * A runner for {@code promptName}'s evals with the standard handlers; a pack eval that cannot run fails here.
     *
     * @param pack the pack that declares the evals
     * @param promptName the prompt whose evals (with the pack's) are run
     * @return the runner
     */
    public static EvalRunner forPrompt(Pack pack, String promptName) {
        return forPrompt(pack, promptName, EvalRegistry.standard(ValidatorRegistry.standard()));
    }

    /**
     * A runner using {@code registry} (with custom handlers registered).
     *
     * @param pack the pack that declares the evals
     * @param promptName the prompt whose evals (with the pack's) are run
     * @param registry the handlers to compile the evals with
     * @return the runner
     */
    public static EvalRunner forPrompt(Pack pack, String promptName, EvalRegistry registry) {
        EvalPlan plan = registry.compile(pack, promptName);
        if (!plan.problems().isEmpty()) {
            throw new IllegalArgumentException("evals that cannot run: " + plan.problems());
        }
        return new EvalRunner(plan);
    }

    /**
     * Scores every eval over {@code turns}.
     *
     * @param turns the recorded or scripted turns to score
     * @return each eval's mean score and verdict
     */
    public EvalReport run(List<EvalContext> turns) {
        if (turns.isEmpty()) {
            throw new IllegalArgumentException("no turns to evaluate");
        }
        List<EvalReport.Score> scores = new ArrayList<>();
        for (CompiledEval eval : plan.evals()) {
            double mean = turns.stream().mapToDouble(turn -> eval.run(turn).score()).average().orElse(0);
            scores.add(new EvalReport.Score(eval.definition().id(), mean, eval.passes(mean)));
        }
        return new EvalReport(scores);
    }
}
