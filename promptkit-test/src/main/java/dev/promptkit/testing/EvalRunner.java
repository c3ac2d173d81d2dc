/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.testing;

import dev.promptkit.eval.CompiledEval;
import dev.promptkit.eval.EvalContext;
import dev.promptkit.eval.EvalPlan;
import dev.promptkit.eval.EvalRegistry;
import dev.promptkit.eval.EvalResult;
import dev.promptkit.pack.EvalThreshold;
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
            List<String> failures = new ArrayList<>();
            double total = 0;
            for (int i = 0; i < turns.size(); i++) {
                EvalResult result = eval.run(turns.get(i));
                total += result.score();
                if (!result.passed()) {
                    failures.add("turn " + (i + 1) + quote(turns.get(i).input()) + ": score "
                            + result.score() + (result.message() == null ? "" : ", " + result.message()));
                }
            }
            double mean = total / turns.size();
            scores.add(new EvalReport.Score(eval.definition().id(), mean, eval.passes(mean),
                    threshold(eval.definition().threshold()), failures));
        }
        return new EvalReport(scores);
    }

    private static String threshold(EvalThreshold threshold) {
        if (threshold == null || threshold.value() == null) {
            return "1 (a full score)";
        }
        return (threshold.operator() == null ? "gte" : threshold.operator()) + " " + threshold.value();
    }

    private static String quote(String input) {
        String shown = input.length() > 40 ? input.substring(0, 40) + "..." : input;
        return shown.isEmpty() ? "" : " \"" + shown.replace("\n", " ") + "\"";
    }
}
