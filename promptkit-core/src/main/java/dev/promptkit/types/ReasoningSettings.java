/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.types;

import java.util.Locale;
import java.util.Set;

/**
 * How much a reasoning model should think, and whether it should say what it thought; {@code null} leaves a
 * setting to the provider. Each provider sends what its API has: Claude extended thinking takes
 * {@code budgetTokens} ({@code thinking.budget_tokens}, at least 1024); OpenAI takes {@code effort}
 * ({@code reasoning_effort}, or {@code reasoning.effort} and {@code reasoning.summary} on the Responses API);
 * Gemini takes {@code budgetTokens} ({@code thinkingConfig.thinkingBudget}, 0 turns thinking off, -1 lets the
 * model decide) and {@code summaries} ({@code thinkingConfig.includeThoughts}).
 *
 * @param budgetTokens the most tokens to spend on reasoning
 * @param effort {@code minimal}, {@code low}, {@code medium} or {@code high}
 * @param summaries whether to ask for the reasoning as readable text
 *
 * @since 0.1.0
 */
public record ReasoningSettings(Integer budgetTokens, String effort, Boolean summaries) {

    /** The efforts the providers accept. */
    public static final Set<String> EFFORTS = Set.of("minimal", "low", "medium", "high");

    /** Nothing asked: every provider's default. */
    public static final ReasoningSettings NONE = new ReasoningSettings(null, null, null);

    public ReasoningSettings {
        if (budgetTokens != null && budgetTokens < -1) {
            throw new IllegalArgumentException("Reasoning budget " + budgetTokens + " is not a number of tokens; "
                    + "valid values: -1 (the model decides, Gemini), 0 (no thinking) or a positive number (Claude: at "
                    + "least 1024)");
        }
        if (effort != null) {
            effort = effort.toLowerCase(Locale.ROOT);
            if (!EFFORTS.contains(effort)) {
                throw new IllegalArgumentException("Unknown reasoning effort '" + effort + "'; valid values: "
                        + EFFORTS.stream().sorted().toList());
            }
        }
    }

    /** Extended thinking (Claude) or a thinking budget (Gemini) with this many tokens. */
    public static ReasoningSettings budget(int budgetTokens) {
        return new ReasoningSettings(budgetTokens, null, null);
    }

    /** An OpenAI reasoning effort. */
    public static ReasoningSettings effort(String effort) {
        return new ReasoningSettings(null, effort, null);
    }

    /** These settings asking for readable summaries of the reasoning too. */
    public ReasoningSettings withSummaries() {
        return new ReasoningSettings(budgetTokens, effort, true);
    }

    /** These settings with every non-null value of {@code overrides} laid over them. */
    public ReasoningSettings overriddenBy(ReasoningSettings overrides) {
        if (overrides == null) {
            return this;
        }
        return new ReasoningSettings(overrides.budgetTokens != null ? overrides.budgetTokens : budgetTokens,
                overrides.effort != null ? overrides.effort : effort,
                overrides.summaries != null ? overrides.summaries : summaries);
    }
}
