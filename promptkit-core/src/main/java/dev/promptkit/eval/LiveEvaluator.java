/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.eval;

import dev.promptkit.pack.Pack;
import dev.promptkit.validation.ValidatorRegistry;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs live evals off the response path, for every conversation that names it
 * ({@code PipelineOptions.withLiveEvals}): at most {@link LiveEvalSettings#concurrency()} runs at once on threads of
 * its own, at most {@link LiveEvalSettings#queueCapacity()} waiting; a run that finds the queue full is dropped and
 * counted in {@link #dropped()}, so a turn never waits for an eval. Compiles each prompt's evals once, logging the
 * evals that cannot run. Close it when the application stops.
 *
 * <pre>{@code
 * LiveEvaluator evals = new LiveEvaluator(LiveEvalSettings.DEFAULTS.withConcurrency(4));
 * ConversationOptions options = ConversationOptions.builder().pipeline(p -> p.withLiveEvals(evals)).build();
 * }</pre>
 *
 * @since 0.1.0
 */
public final class LiveEvaluator implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(LiveEvaluator.class);
    private static final AtomicInteger POOLS = new AtomicInteger();

    private final LiveEvalSettings settings;
    private final ThreadPoolExecutor executor;
    private final AtomicLong dropped = new AtomicLong();
    private final AtomicLong storeFailures = new AtomicLong();
    private final Map<PlanKey, EvalPlan> plans = new ConcurrentHashMap<>();

    public LiveEvaluator(LiveEvalSettings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
        BlockingQueue<Runnable> queue = settings.queueCapacity() == 0 ? new SynchronousQueue<>()
                : new ArrayBlockingQueue<>(settings.queueCapacity());
        String prefix = "promptkit-eval-" + POOLS.incrementAndGet() + "-";
        AtomicInteger threads = new AtomicInteger();
        this.executor = new ThreadPoolExecutor(settings.concurrency(), settings.concurrency(), 60, TimeUnit.SECONDS,
                queue, job -> {
                    Thread thread = new Thread(job, prefix + threads.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                }, new ThreadPoolExecutor.AbortPolicy());
        executor.allowCoreThreadTimeOut(true);
    }

    public LiveEvalSettings settings() {
        return settings;
    }

    /** The evals of {@code promptName} in {@code pack}, compiled once; the evals that cannot run are logged then. */
    public EvalPlan plan(Pack pack, String promptName, ValidatorRegistry validators) {
        return plans.computeIfAbsent(new PlanKey(pack, promptName), key -> {
            EvalRegistry registry = settings.registry() != null ? settings.registry()
                    : EvalRegistry.standard(validators);
            EvalPlan plan = registry.compile(pack, promptName);
            plan.problems().forEach(problem -> log.warn("Live eval skipped: {}", problem));
            return plan;
        });
    }

    /** A new conversation's evals: which run after each of its turns, and which when it ends. */
    public LiveEvalSession session(EvalPlan plan) {
        return new LiveEvalSession(plan, settings.samplePercentage(), settings.random());
    }

    /**
     * Hands {@code run} to the eval threads without waiting; when the queue is full (or the evaluator closed) the
     * run is dropped, counted, and {@code false} returned. A run that throws is logged.
     */
    public boolean submit(Runnable run) {
        try {
            executor.execute(() -> {
                try {
                    run.run();
                }
                catch (RuntimeException ex) {
                    log.warn("A live eval run failed", ex);
                }
            });
            return true;
        }
        catch (RejectedExecutionException ex) {
            dropped.incrementAndGet();
            return false;
        }
    }

    /** Runs dropped because the queue was full or the evaluator closed. */
    public long dropped() {
        return dropped.get();
    }

    /** Runs waiting for a free thread. */
    public int queued() {
        return executor.getQueue().size();
    }

    /** Counts a result that could not be stored with its turn. */
    public void storeFailed() {
        storeFailures.incrementAndGet();
    }

    /** Results that could not be stored with their turns. */
    public long storeFailures() {
        return storeFailures.get();
    }

    /** Stops taking runs; those queued or running finish (waiting at most five seconds). */
    @Override
    public void close() {
        executor.shutdown();
        try {
            if (!executor.awaitTermination(5, TimeUnit.SECONDS)) {
                executor.shutdownNow();
            }
        }
        catch (InterruptedException ex) {
            executor.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }

    /** A pack by identity (packs are large records) and a prompt name. */
    private record PlanKey(Pack pack, String promptName) {

        @Override
        public boolean equals(Object other) {
            return other instanceof PlanKey key && key.pack == pack && key.promptName.equals(promptName);
        }

        @Override
        public int hashCode() {
            return System.identityHashCode(pack) * 31 + promptName.hashCode();
        }
    }
}
