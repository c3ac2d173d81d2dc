/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.testing;

import java.util.List;

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
     * Fails with an {@link AssertionError} naming each eval under its threshold and its score.
     *
     * @return this report, when every eval passed
     */
    public EvalReport assertPassed() {
        List<String> failed = scores.stream().filter(score -> !score.passed())
                .map(score -> score.evalId() + " scored " + score.mean()).toList();
        if (!failed.isEmpty()) {
            throw new AssertionError("evals under their threshold: " + String.join("; ", failed));
        }
        return this;
    }

    /** One eval's mean score and verdict. */
    public record Score(String evalId, double mean, boolean passed) {
    }
}
