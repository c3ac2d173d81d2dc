/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.provider.http;

import dev.promptkit.provider.ProviderException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;
import reactor.core.publisher.MonoSink;
import reactor.core.scheduler.Scheduler;

/**
 * A non-blocking semaphore with a bounded FIFO wait queue, enforcing one provider's
 * {@link ConcurrencyPolicy}. Each call takes a {@link Permit}, {@linkplain Permit#acquire() acquires}
 * it and {@linkplain Permit#release() releases} it when done, however it ended; the permit's own
 * state machine makes the slot return exactly once, even when a release races a grant or a timeout.
 */
final class ConcurrencyLimiter {

    private enum State { NEW, WAITING, HELD, DONE }

    private final String provider;
    private final ConcurrencyPolicy policy;
    private final int slots;
    private final ProviderCallListener listener;
    private final Scheduler timer;
    private final Deque<Permit> waiting = new ArrayDeque<>();
    private int held;

    ConcurrencyLimiter(String provider, ConcurrencyPolicy policy, ProviderCallListener listener, Scheduler timer) {
        this.provider = provider;
        this.policy = policy;
        this.slots = policy.maxInFlight() == 0 ? Integer.MAX_VALUE : policy.maxInFlight();
        this.listener = listener;
        this.timer = timer;
    }

    /** A new permit for one call, not yet acquired. */
    Permit newPermit() {
        return new Permit();
    }

    /** How many slots are taken. */
    synchronized int inFlight() {
        return held;
    }

    /** How many calls wait for a slot. */
    synchronized int queued() {
        return waiting.size();
    }

    private void admit(Permit permit) {
        boolean granted = false;
        boolean queued = false;
        synchronized (this) {
            if (held < slots) {
                held++;
                granted = true;
            }
            else if (waiting.size() < policy.maxQueued() && !policy.maxWait().isZero()) {
                if (!permit.state.compareAndSet(State.NEW, State.WAITING)) {
                    return;
                }
                waiting.addLast(permit);
                queued = true;
            }
        }
        if (granted) {
            if (permit.state.compareAndSet(State.NEW, State.HELD)) {
                permit.sink.success();
            }
            else {
                handOver();
            }
        }
        else if (queued) {
            permit.expiry = timer.schedule(permit::expire, policy.maxWait().toNanos(), TimeUnit.NANOSECONDS);
        }
        else if (permit.state.compareAndSet(State.NEW, State.DONE)) {
            listener.onRejected(RejectionReason.QUEUE_FULL);
            permit.sink.error(rejection(policy.maxQueued() == 0 || policy.maxWait().isZero()
                    ? "no slot is free and waiting is disabled"
                    : "no slot is free and " + policy.maxQueued() + " calls are already waiting"));
        }
    }

    /** Gives a freed slot to the longest-waiting call, or back to the pool. */
    private void handOver() {
        while (true) {
            Permit next;
            synchronized (this) {
                next = waiting.pollFirst();
                if (next == null) {
                    held--;
                    return;
                }
            }
            if (next.state.compareAndSet(State.WAITING, State.HELD)) {
                next.cancelExpiry();
                next.sink.success();
                return;
            }
        }
    }

    private synchronized void dequeue(Permit permit) {
        waiting.remove(permit);
    }

    private ProviderException rejection(String detail) {
        return new ProviderException(provider, ProviderException.Kind.OVERLOADED, 0, "concurrency limit of "
                + policy.maxInFlight() + " calls in flight reached: " + detail, false, null, null);
    }

    /** One call's claim on a slot. */
    final class Permit {

        private final AtomicReference<State> state = new AtomicReference<>(State.NEW);
        private MonoSink<Void> sink;
        private volatile Disposable expiry;

        private Permit() {
        }

        /** Completes once the slot is held; fails with a {@link ProviderException} when refused one. */
        Mono<Void> acquire() {
            return Mono.create(newSink -> {
                sink = newSink;
                admit(this);
            });
        }

        /** Gives the slot back, or stops waiting for one; only the first call has an effect. */
        void release() {
            while (true) {
                State current = state.get();
                if (current == State.DONE || state.compareAndSet(current, State.DONE)) {
                    if (current == State.HELD) {
                        handOver();
                    }
                    else if (current == State.WAITING) {
                        dequeue(this);
                        cancelExpiry();
                    }
                    return;
                }
            }
        }

        private void expire() {
            if (state.compareAndSet(State.WAITING, State.DONE)) {
                dequeue(this);
                listener.onRejected(RejectionReason.WAIT_TIMEOUT);
                sink.error(rejection("no slot freed within " + policy.maxWait()));
            }
        }

        private void cancelExpiry() {
            Disposable scheduled = expiry;
            if (scheduled != null) {
                scheduled.dispose();
            }
        }
    }
}
