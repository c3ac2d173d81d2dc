/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.eval;

/** The outcome of one eval on one turn: its id and type, the score, whether it passed its threshold, why. */
public record EvalResult(String evalId, String type, double score, boolean passed, String message) {
}
