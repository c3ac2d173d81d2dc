/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.eval;

import java.util.List;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.DoubleSupplier;

/**
 * Runs a plan's evals off the response path: on each turn (or at session end) it picks the evals whose
 * {@code trigger} and sample rate apply and hands them to an executor, with at most {@code maxConcurrent} runs in
 * flight; a turn arriving when all slots are busy is skipped and counted in {@link #dropped()}, so evals never delay
 * or queue behind answers. Each result goes to the listener.
 */
public final class LiveEvaluator {

    private final Executor executor;
    private final Semaphore slots;
    private final EvalResultListener listener;
    private final DoubleSupplier random;
    private final AtomicLong dropped = new AtomicLong();

    public LiveEvaluator(Executor executor, int maxConcurrent, EvalResultListener listener, DoubleSupplier random) {
        if (maxConcurrent < 1) {
            throw new IllegalArgumentException("maxConcurrent must be at least 1, got " + maxConcurrent);
        }
        this.executor = Objects.requireNonNull(executor, "executor");
        this.slots = new Semaphore(maxConcurrent);
        this.listener = Objects.requireNonNull(listener, "listener");
        this.random = Objects.requireNonNull(random, "random");
    }

    /** Schedules the per-turn evals ({@code every_turn}, sampled {@code sample_turns}) of {@code plan}. */
    public void onTurn(String promptName, EvalPlan plan, EvalContext context) {
        schedule(promptName, select(plan, "every_turn", "sample_turns"), context);
    }

    /** Schedules the session-end evals ({@code on_session_complete}, {@code on_conversation_complete}, sampled
     * {@code sample_sessions}) of {@code plan}. */
    public void onSessionComplete(String promptName, EvalPlan plan, EvalContext context) {
        schedule(promptName, select(plan, "on_session_complete", "sample_sessions", "on_conversation_complete"),
                context);
    }

    /** How many scheduled runs were skipped because every slot was busy. */
    public long dropped() {
        return dropped.get();
    }

    private List<CompiledEval> select(EvalPlan plan, String always, String sampled, String... alsoAlways) {
        return plan.evals().stream().filter(eval -> {
            String trigger = eval.definition().trigger();
            if (always.equals(trigger) || List.of(alsoAlways).contains(trigger)) {
                return true;
            }
            return sampled.equals(trigger) && random.getAsDouble() * 100 < eval.definition().samplePercentage();
        }).toList();
    }

    private void schedule(String promptName, List<CompiledEval> evals, EvalContext context) {
        if (evals.isEmpty()) {
            return;
        }
        if (!slots.tryAcquire()) {
            dropped.incrementAndGet();
            return;
        }
        try {
            executor.execute(() -> {
                try {
                    evals.forEach(eval -> listener.onResult(promptName, eval.run(context)));
                }
                finally {
                    slots.release();
                }
            });
        }
        catch (RejectedExecutionException ex) {
            slots.release();
            dropped.incrementAndGet();
        }
    }
}
