/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.autoconfigure.eval;

import dev.promptkit.eval.LiveEvalSettings;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Live evals, under {@code promptkit.eval.*}: the packs' evals run after the turns, off the response path.
 *
 * @param enabled whether the packs' evals run on live traffic (off by default)
 * @param concurrency how many eval runs go on at once
 * @param queueCapacity how many runs may wait for a free thread; past it, runs are dropped and counted
 *     ({@code promptkit.eval.dropped})
 * @param samplePercentage the share (0 to 100) of turns and conversations that {@code sample_turns} and
 *     {@code sample_sessions} evals run on, over what the packs say; unset to keep the packs' rates
 * @param storeResults whether each result is stored with its turn, in the conversation's metadata
 * @param recentResults how many recent results per eval {@code /actuator/promptkit} sums up
 *
 * @since 0.1.0
 */
@ConfigurationProperties("promptkit.eval")
public record PromptKitEvalProperties(@DefaultValue("false") boolean enabled, @DefaultValue("2") int concurrency,
        @DefaultValue("1000") int queueCapacity, Double samplePercentage, @DefaultValue("true") boolean storeResults,
        @DefaultValue("100") int recentResults) {

    public PromptKitEvalProperties {
        if (concurrency < 1) {
            throw new IllegalArgumentException("promptkit.eval.concurrency must be at least 1, was " + concurrency);
        }
        if (queueCapacity < 0) {
            throw new IllegalArgumentException("promptkit.eval.queue-capacity must be 0 (no waiting) or more, was "
                    + queueCapacity);
        }
        if (samplePercentage != null && (samplePercentage < 0 || samplePercentage > 100)) {
            throw new IllegalArgumentException("promptkit.eval.sample-percentage must be between 0 and 100 (or unset"
                    + " to keep the packs' rates), was " + samplePercentage);
        }
        if (recentResults < 1) {
            throw new IllegalArgumentException("promptkit.eval.recent-results must be at least 1, was "
                    + recentResults);
        }
    }

    /** These properties as the evaluator takes them. */
    LiveEvalSettings toSettings() {
        return LiveEvalSettings.DEFAULTS.withConcurrency(concurrency).withQueueCapacity(queueCapacity)
                .withSamplePercentage(samplePercentage).withStoreResults(storeResults);
    }
}
