/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.autoconfigure.eval;

import dev.promptkit.eval.LiveEvaluator;
import dev.promptkit.event.EvalEvent;
import dev.promptkit.event.EventBus;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;

/**
 * Records live eval results as Micrometer meters (listening in place, so none is lost):
 * <ul>
 * <li>{@code promptkit.eval.score} distribution summary: eval, prompt, pack, outcome (passed, failed); a handler
 * that threw scores nothing;</li>
 * <li>{@code promptkit.eval.results} counter: eval, prompt, pack, outcome (passed, failed, error);</li>
 * <li>{@code promptkit.eval.dropped} function counter: runs dropped because the queue was full;</li>
 * <li>{@code promptkit.eval.store.failures} function counter: results that could not be stored with their turn;</li>
 * <li>{@code promptkit.eval.queued} gauge: runs waiting for a thread.</li>
 * </ul>
 * Tags never carry a conversation id.
 *
 * @since 0.1.0
 */
public final class LiveEvalMeters {

    private final MeterRegistry registry;

    public LiveEvalMeters(MeterRegistry registry, EventBus events, LiveEvaluator evaluator) {
        this.registry = registry;
        FunctionCounter.builder("promptkit.eval.dropped", evaluator, LiveEvaluator::dropped)
                .description("Live eval runs dropped because the eval queue was full").register(registry);
        FunctionCounter.builder("promptkit.eval.store.failures", evaluator, LiveEvaluator::storeFailures)
                .description("Live eval results that could not be stored with their turn").register(registry);
        Gauge.builder("promptkit.eval.queued", evaluator, LiveEvaluator::queued)
                .description("Live eval runs waiting for a thread").register(registry);
        events.subscribeSynchronous(event -> {
            if (event instanceof EvalEvent eval) {
                record(eval);
            }
        });
    }

    private void record(EvalEvent eval) {
        Tags tags = Tags.of("eval", eval.evalId(), "prompt", String.valueOf(eval.promptName()), "pack",
                String.valueOf(eval.packId()), "outcome", eval.outcome());
        Counter.builder("promptkit.eval.results").description("Live eval results").tags(tags).register(registry)
                .increment();
        if (!EvalEvent.ERROR.equals(eval.outcome())) {
            DistributionSummary.builder("promptkit.eval.score").description("Live eval scores").tags(tags)
                    .register(registry).record(eval.score());
        }
    }
}
