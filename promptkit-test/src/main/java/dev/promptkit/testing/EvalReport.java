/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.testing;

import java.util.List;
import java.util.Locale;

/** The offline result of each eval: its mean score over the turns and whether that meets the threshold. */
public record EvalReport(List<Score> scores) {

    /** @param scores each eval's mean score and verdict */
    public EvalReport {
        scores = List.copyOf(scores);
    }

    /** @return whether every eval met its threshold */
    public boolean passed() {
        return scores.stream().allMatch(Score::passed);
    }

    /**
     * Fails with an {@link AssertionError} whose message is the {@link #describe() report}, naming each eval under
     * its threshold, its score and the turns it failed on.
     *
     * @return this report, when every eval passed
     */
    public EvalReport assertPassed() {
        if (!passed()) {
            throw new AssertionError(describe());
        }
        return this;
    }

    /**
     * A readable report: a summary line, then one line per eval (its verdict, mean score and threshold) followed by
     * the reasons of its failed turns.
     *
     * @return the report
     */
    public String describe() {
        long failed = scores.stream().filter(score -> !score.passed()).count();
        StringBuilder report = new StringBuilder(failed == 0 ? "every eval met its threshold"
                : "evals under their threshold: " + String.join("; ", scores.stream().filter(score -> !score.passed())
                        .map(score -> score.evalId() + " scored " + format(score.mean())).toList()));
        for (Score score : scores) {
            report.append(String.format(Locale.ROOT, "%n  %s %s: mean %s, needs %s", score.passed() ? "pass" : "FAIL",
                    score.evalId(), format(score.mean()), score.threshold()));
            score.failures().forEach(failure -> report.append(System.lineSeparator()).append("      ").append(failure));
        }
        return report.toString();
    }

    private static String format(double value) {
        return String.format(Locale.ROOT, "%.2f", value);
    }

    /**
     * One eval's mean score and verdict.
     *
     * @param evalId the eval's id in the pack
     * @param mean the mean score over the turns
     * @param passed whether the mean meets the threshold
     * @param threshold the threshold, as {@code gte 0.8} (or {@code 1} without one)
     * @param failures the turns the eval failed on, with the reasons
     */
    public record Score(String evalId, double mean, boolean passed, String threshold, List<String> failures) {

        /**
         * A score with its threshold and failures.
         *
         * @param evalId the eval's id in the pack
         * @param mean the mean score over the turns
         * @param passed whether the mean meets the threshold
         * @param threshold the threshold, as {@code gte 0.8}
         * @param failures the turns the eval failed on, with the reasons
         */
        public Score {
            failures = List.copyOf(failures);
        }

        /**
         * A score without threshold or failure details.
         *
         * @param evalId the eval's id in the pack
         * @param mean the mean score over the turns
         * @param passed whether the mean meets the threshold
         */
        public Score(String evalId, double mean, boolean passed) {
            this(evalId, mean, passed, "", List.of());
        }
    }
}
