/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.provider.gemini;

import dev.promptkit.types.ReasoningSettings;
import tools.jackson.databind.node.ObjectNode;

/**
 * Gemini's {@code generationConfig.thinkingConfig} from the request's reasoning settings: the budget as
 * {@code thinkingBudget} (0 turns thinking off where the model allows it, -1 lets the model decide), the effort as
 * {@code thinkingLevel} (Gemini 3 and later), and summaries as {@code includeThoughts}, which makes the model
 * stream thought summaries as parts marked {@code thought: true}. Nothing is written when nothing is asked.
 */
final class ThinkingConfig {

    private ThinkingConfig() {
    }

    static void write(ObjectNode generation, ReasoningSettings settings) {
        if (settings.budgetTokens() == null && settings.effort() == null && settings.summaries() == null) {
            return;
        }
        ObjectNode thinking = generation.putObject("thinkingConfig");
        if (settings.budgetTokens() != null) {
            thinking.put("thinkingBudget", settings.budgetTokens());
        }
        if (settings.effort() != null) {
            thinking.put("thinkingLevel", settings.effort());
        }
        if (settings.summaries() != null) {
            thinking.put("includeThoughts", settings.summaries());
        }
    }
}
