/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.event;

import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

/**
 * The {@link EventBus}: one bounded queue per asynchronous listener, drained by at most one task per
 * listener at a time (so each listener sees events in order) on a pool of daemon threads that every bus
 * shares, so a bus per conversation costs next to nothing.
 */
final class AsyncEventBus implements EventBus {

    private static final Logger log = LoggerFactory.getLogger(AsyncEventBus.class);

    private final int queueCapacity;
    private final List<Registration> registrations = new CopyOnWriteArrayList<>();
    private final LongAdder dropped = new LongAdder();
    private final LongAdder failures = new LongAdder();
    private final AtomicBoolean closed = new AtomicBoolean();

    AsyncEventBus(int queueCapacity) {
        this.queueCapacity = queueCapacity;
    }

    @Override
    public void publish(Event event) {
        if (closed.get()) {
            return;
        }
        for (Registration registration : registrations) {
            registration.offer(event);
        }
    }

    @Override
    public Subscription subscribe(EventListener listener) {
        return add(new Registration(listener, new ArrayBlockingQueue<>(queueCapacity)));
    }

    @Override
    public Subscription subscribeSynchronous(EventListener listener) {
        return add(new Registration(listener, null));
    }

    @Override
    public long droppedEvents() {
        return dropped.sum();
    }

    @Override
    public long listenerFailures() {
        return failures.sum();
    }

    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            registrations.clear();
        }
    }

    @Override
    public boolean hasListeners() {
        return !registrations.isEmpty();
    }

    private Subscription add(Registration registration) {
        registrations.add(registration);
        return () -> registrations.remove(registration);
    }

    /** The listener threads every bus shares, created on first use. */
    private static final class Workers {
        private static final Scheduler POOL = Schedulers.newBoundedElastic(
                Math.max(2, Runtime.getRuntime().availableProcessors()), Integer.MAX_VALUE, "promptkit-events", 60,
                true);
    }

    /** One listener: called directly (synchronous) or through its own queue and drain task. */
    private final class Registration {

        private final EventListener listener;
        private final ArrayBlockingQueue<Event> queue;
        private final AtomicInteger pending = new AtomicInteger();
        private volatile boolean warned;

        Registration(EventListener listener, ArrayBlockingQueue<Event> queue) {
            this.listener = listener;
            this.queue = queue;
        }

        void offer(Event event) {
            if (queue == null) {
                deliver(event);
            }
            else if (!queue.offer(event)) {
                dropped.increment();
            }
            else if (pending.getAndIncrement() == 0) {
                Workers.POOL.schedule(this::drain);
            }
        }

        private void drain() {
            int missed = 1;
            do {
                Event event;
                while ((event = queue.poll()) != null) {
                    deliver(event);
                }
                missed = pending.addAndGet(-missed);
            }
            while (missed != 0);
        }

        private void deliver(Event event) {
            try {
                listener.onEvent(event);
            }
            catch (RuntimeException ex) {
                failures.increment();
                if (!warned) {
                    warned = true;
                    log.warn("Event listener {} failed on {}; later failures are only counted", listener,
                            event.type(), ex);
                }
            }
        }
    }
}
