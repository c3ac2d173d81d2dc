/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.eval;

import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleSupplier;

/**
 * How a {@link LiveEvaluator} runs evals: how many at once, how many may wait, whether a sampling rate overrides the
 * packs' {@code sample_percentage}, whether results are stored with their turns, the handler types, and the source of
 * the sampling draws.
 *
 * @param concurrency how many eval runs go on at once; at least 1
 * @param queueCapacity how many runs may wait for a free thread; a run that finds the queue full is dropped
 * @param samplePercentage the share of turns and sessions that sampled evals run on (0 to 100), over the packs' own;
 *     {@code null} to keep the packs'
 * @param storeResults whether each result is stored in the conversation's metadata, beside its turn
 * @param registry the handler types; {@code null} for {@link EvalRegistry#standard} over the conversation's validator
 *     types
 * @param random draws uniformly from [0, 1) for sampling (tests pass a fixed sequence)
 *
 * @since 0.1.0
 */
public record LiveEvalSettings(int concurrency, int queueCapacity, Double samplePercentage, boolean storeResults,
        EvalRegistry registry, DoubleSupplier random) {

    /** Two threads, 1000 waiting runs, the packs' sampling rates, results stored, standard handlers. */
    public static final LiveEvalSettings DEFAULTS = new LiveEvalSettings(2, 1000, null, true, null,
            () -> ThreadLocalRandom.current().nextDouble());

    public LiveEvalSettings {
        if (concurrency < 1) {
            throw new IllegalArgumentException("Live eval concurrency must be at least 1, was " + concurrency);
        }
        if (queueCapacity < 0) {
            throw new IllegalArgumentException("Live eval queue capacity must not be negative, was " + queueCapacity);
        }
        if (samplePercentage != null && (samplePercentage < 0 || samplePercentage > 100)) {
            throw new IllegalArgumentException("Live eval sample percentage must be between 0 and 100, was "
                    + samplePercentage);
        }
        Objects.requireNonNull(random, "random");
    }

    public LiveEvalSettings withConcurrency(int threads) {
        return new LiveEvalSettings(threads, queueCapacity, samplePercentage, storeResults, registry, random);
    }

    public LiveEvalSettings withQueueCapacity(int capacity) {
        return new LiveEvalSettings(concurrency, capacity, samplePercentage, storeResults, registry, random);
    }

    /** These settings sampling {@code percentage} of turns and sessions, whatever the packs say. */
    public LiveEvalSettings withSamplePercentage(Double percentage) {
        return new LiveEvalSettings(concurrency, queueCapacity, percentage, storeResults, registry, random);
    }

    public LiveEvalSettings withStoreResults(boolean store) {
        return new LiveEvalSettings(concurrency, queueCapacity, samplePercentage, store, registry, random);
    }

    /** These settings with handler types of your own (see {@link EvalRegistry#register}). */
    public LiveEvalSettings withRegistry(EvalRegistry handlers) {
        return new LiveEvalSettings(concurrency, queueCapacity, samplePercentage, storeResults,
                Objects.requireNonNull(handlers, "registry"), random);
    }

    public LiveEvalSettings withRandom(DoubleSupplier draws) {
        return new LiveEvalSettings(concurrency, queueCapacity, samplePercentage, storeResults, registry, draws);
    }
}
