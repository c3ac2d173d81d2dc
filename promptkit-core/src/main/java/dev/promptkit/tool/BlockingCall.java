/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.tool;

import java.util.concurrent.Callable;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import reactor.core.publisher.MonoSink;

/**
 * One call of a blocking handler on {@link BlockingToolThreads}: runs the handler at most once, hands its outcome to
 * the caller unless the caller gave up first, and, when it did, interrupts the handler and notes one that outlives
 * its call.
 */
final class BlockingCall implements Runnable {

    private static final int WAITING = 0;
    private static final int RUNNING = 1;
    private static final int DONE = 2;
    private static final int ABANDONED = 3;

    private final AtomicInteger state = new AtomicInteger(WAITING);
    private final String toolName;
    private final Callable<?> work;
    private final MonoSink<Object> caller;
    private final BlockingCallCounters counters;
    private volatile Future<?> future;
    private volatile long abandonedAtNanos;

    BlockingCall(String toolName, Callable<?> work, MonoSink<Object> caller, BlockingCallCounters counters) {
        this.toolName = toolName;
        this.work = work;
        this.caller = caller;
        this.counters = counters;
    }

    /** The handle of the submitted task, to cancel it (set before the caller can give up). */
    void started(Future<?> submitted) {
        this.future = submitted;
    }

    Future<?> future() {
        return future;
    }

    @Override
    public void run() {
        if (!state.compareAndSet(WAITING, RUNNING)) {
            return;
        }
        Object result = null;
        Throwable failure = null;
        counters.handlerStarted();
        try {
            result = work.call();
        }
        catch (Throwable ex) {
            failure = ex;
        }
        finally {
            counters.handlerEnded();
        }
        if (state.compareAndSet(RUNNING, DONE)) {
            if (failure != null) {
                caller.error(failure);
            }
            else if (result == null) {
                caller.success();
            }
            else {
                caller.success(result);
            }
        }
        else {
            counters.overrunEnded(toolName, failure, System.nanoTime() - abandonedAtNanos);
        }
    }

    /**
     * The caller gave up (time-out, cancelled turn): a waiting call never runs, a running one is interrupted.
     *
     * @return whether the call had not started (its task can leave the queue)
     */
    boolean abandon() {
        if (state.compareAndSet(WAITING, ABANDONED)) {
            future.cancel(false);
            return true;
        }
        abandonedAtNanos = System.nanoTime();
        counters.overrunStarted();
        if (state.compareAndSet(RUNNING, ABANDONED)) {
            future.cancel(true);
        }
        else {
            counters.overrunEnded(null, null, 0);
        }
        return false;
    }
}
