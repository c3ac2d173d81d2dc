/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.voice;

import dev.promptkit.duplex.DuplexEvent;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Signal;
import reactor.core.publisher.Sinks;

/**
 * Hands a session's events to their subscriber outside the session's lock, in the order the session put them in.
 * The session adds signals while it holds its lock, which fixes their order, and calls {@link #drain()} once it
 * has let go of the lock. One thread at a time emits; signals added meanwhile by other threads are emitted by
 * that thread, so a subscriber that blocks until another thread has sent something into the session does not
 * hold that thread up (nor deadlock with it).
 */
final class EventOutbox {

    private final Object lock;
    private final Queue<Signal<DuplexEvent>> pending = new ConcurrentLinkedQueue<>();
    private final AtomicInteger drains = new AtomicInteger();
    private final Sinks.Many<DuplexEvent> sink = Sinks.many().unicast().onBackpressureBuffer();

    /** @param lock the session's lock, which no thread holds while it emits */
    EventOutbox(Object lock) {
        this.lock = lock;
    }

    void next(DuplexEvent event) {
        pending.add(Signal.next(event));
    }

    void complete() {
        pending.add(Signal.complete());
    }

    void error(Throwable failure) {
        pending.add(Signal.error(failure));
    }

    /** The events, to one subscriber; completes or fails as the session ends. */
    Flux<DuplexEvent> events() {
        return sink.asFlux();
    }

    /**
     * Emits what was added, unless the calling thread holds the session's lock (it drains once it has let go) or
     * another thread is emitting (that thread emits it).
     */
    void drain() {
        if (Thread.holdsLock(lock) || drains.getAndIncrement() != 0) {
            return;
        }
        int missed = 1;
        do {
            for (Signal<DuplexEvent> signal = pending.poll(); signal != null; signal = pending.poll()) {
                emit(signal);
            }
            missed = drains.addAndGet(-missed);
        }
        while (missed != 0);
    }

    private void emit(Signal<DuplexEvent> signal) {
        if (signal.isOnNext()) {
            sink.tryEmitNext(signal.get());
        }
        else if (signal.isOnError()) {
            sink.tryEmitError(signal.getThrowable());
        }
        else {
            sink.tryEmitComplete();
        }
    }
}
