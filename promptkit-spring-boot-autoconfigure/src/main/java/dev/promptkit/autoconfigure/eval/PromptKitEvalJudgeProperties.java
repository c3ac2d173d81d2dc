/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.autoconfigure.eval;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The model that {@code llm_judge} evals and guardrails ask, under {@code promptkit.eval.judge.*}.
 *
 * @param provider the name of a configured provider (under {@code promptkit.providers}, or {@code mock}); without
 *     one, a pack's {@code llm_judge} evals are reported as unable to run and its {@code llm_judge} guardrails fail
 *     the conversation's open
 * @param model the judge's model; empty for the provider's default model
 * @param timeout the longest one verdict may take
 *
 * @since 0.1.0
 */
@ConfigurationProperties("promptkit.eval.judge")
public record PromptKitEvalJudgeProperties(String provider, String model, @DefaultValue("60s") Duration timeout) {

    public PromptKitEvalJudgeProperties {
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("promptkit.eval.judge.timeout must be a positive duration (such as "
                    + "30s), was " + timeout);
        }
    }
}
