/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.autoconfigure.eval;

import dev.promptkit.eval.CompiledEval;
import dev.promptkit.eval.EvalPlan;
import dev.promptkit.eval.LiveEvaluator;
import dev.promptkit.event.EvalEvent;
import dev.promptkit.event.EventBus;
import dev.promptkit.pack.Eval;
import dev.promptkit.pack.Pack;
import dev.promptkit.validation.ValidatorRegistry;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What {@code /actuator/promptkit} shows of live evals: per pack, each eval's type and trigger (or why it cannot
 * run) and a summary of its recent results (runs, pass rate, mean score, errors), and the evaluator's queue, drops
 * and store failures. Listens to {@link EvalEvent}s on the application's bus, in place; keeps no conversation id.
 *
 * @since 0.1.0
 */
public final class LiveEvalStatus {

    private final LiveEvaluator evaluator;
    private final ValidatorRegistry validators;
    private final int window;
    private final Map<String, Deque<Outcome>> recent = new ConcurrentHashMap<>();

    /** @param window how many recent results per eval are summed up */
    public LiveEvalStatus(LiveEvaluator evaluator, ValidatorRegistry validators, EventBus events, int window) {
        this.evaluator = evaluator;
        this.validators = validators;
        this.window = window;
        events.subscribeSynchronous(event -> {
            if (event instanceof EvalEvent eval) {
                record(eval);
            }
        });
    }

    /** The evaluator's queue, drops and store failures. */
    public Map<String, Object> evaluator() {
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("enabled", true);
        result.put("concurrency", evaluator.settings().concurrency());
        result.put("queueCapacity", evaluator.settings().queueCapacity());
        result.put("queued", evaluator.queued());
        result.put("dropped", evaluator.dropped());
        result.put("storeFailures", evaluator.storeFailures());
        result.put("samplePercentage", evaluator.settings().samplePercentage() != null
                ? evaluator.settings().samplePercentage() : "as the packs say");
        return result;
    }

    /** The evals of {@code pack}'s prompts, by id, with their recent results, and the evals that cannot run. */
    public Map<String, Object> describe(Pack pack) {
        Map<String, Object> evals = new TreeMap<>();
        List<String> problems = pack.prompts().keySet().stream().sorted().flatMap(prompt -> {
            EvalPlan plan = evaluator.plan(pack, prompt, validators);
            plan.evals().forEach(eval -> evals.putIfAbsent(eval.definition().id(), describe(pack, eval)));
            return plan.problems().stream();
        }).distinct().toList();
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("evals", evals);
        result.put("problems", problems);
        return result;
    }

    private Map<String, Object> describe(Pack pack, CompiledEval compiled) {
        Eval eval = compiled.definition();
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("type", eval.type());
        result.put("trigger", eval.trigger());
        if (eval.trigger().startsWith("sample_")) {
            result.put("samplePercentage", eval.samplePercentage());
        }
        result.put("recent", summary(recent.getOrDefault(key(pack.id(), eval.id()), new ArrayDeque<>())));
        return result;
    }

    private static Map<String, Object> summary(Deque<Outcome> outcomes) {
        List<Outcome> results;
        synchronized (outcomes) {
            results = List.copyOf(outcomes);
        }
        List<Outcome> scored = results.stream().filter(outcome -> !outcome.error()).toList();
        long passed = scored.stream().filter(Outcome::passed).count();
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("runs", results.size());
        result.put("passed", passed);
        result.put("failed", scored.size() - passed);
        result.put("errors", results.size() - scored.size());
        if (!scored.isEmpty()) {
            result.put("passRate", (double) passed / scored.size());
            result.put("meanScore", scored.stream().mapToDouble(Outcome::score).average().orElse(0));
            result.put("minScore", scored.stream().mapToDouble(Outcome::score).min().orElse(0));
        }
        return result;
    }

    private void record(EvalEvent event) {
        Deque<Outcome> outcomes = recent.computeIfAbsent(key(event.packId(), event.evalId()),
                key -> new ArrayDeque<>());
        synchronized (outcomes) {
            outcomes.addLast(new Outcome(EvalEvent.ERROR.equals(event.outcome()), "passed".equals(event.outcome()),
                    event.score()));
            while (outcomes.size() > window) {
                outcomes.removeFirst();
            }
        }
    }

    private static String key(String packId, String evalId) {
        return packId + "\u0000" + evalId;
    }

    /** What is kept of a result: its outcome and score. */
    private record Outcome(boolean error, boolean passed, double score) {
    }
}
