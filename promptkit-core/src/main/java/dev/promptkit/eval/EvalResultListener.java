/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.eval;

/** Receives each live eval result (to publish it as an event, a meter, or store it with the turn). */
@FunctionalInterface
public interface EvalResultListener {

    void onResult(String promptName, EvalResult result);
}
