/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.recording;

import dev.promptkit.event.Event;
import dev.promptkit.event.EventBus;
import dev.promptkit.secret.SecretRedactor;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

/**
 * Records every event of an {@link EventBus} that names a conversation into an {@link EventStore}, off the response
 * path: the bus hands each event to a bounded queue and returns at once; a background task takes events off in
 * batches, turns them into {@link RecordedEvent}s (redacting every string, see {@link Settings#redactor()}) and appends
 * them, each write bounded by {@link Settings#writeTimeout()}. A full queue, a failing store or a slow one never fails
 * or delays a turn: the events lost are counted ({@link #droppedEvents()}) and said in a warning, at most one a minute.
 * Provider-level events (retries, resends) name no conversation and are not recorded.
 *
 * <pre>{@code
 * EventRecorder recorder = EventRecorder.start(bus, new FileEventStore(Path.of("recordings")));
 * }</pre>
 *
 * @since 0.1.0
 */
public final class EventRecorder implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EventRecorder.class);

    private static final int BATCH = 256;

    private static final long WARN_EVERY_NANOS = Duration.ofMinutes(1).toNanos();

    private final EventStore store;
    private final Settings settings;
    private final EventPayloads payloads;
    private final ArrayBlockingQueue<Event> queue;
    private final AtomicInteger pending = new AtomicInteger();
    private final LongAdder recorded = new LongAdder();
    private final LongAdder dropped = new LongAdder();
    private final EventBus.Subscription subscription;
    private volatile long lastWarning;
    private volatile boolean warned;

    private EventRecorder(EventBus bus, EventStore store, Settings settings) {
        this.store = Objects.requireNonNull(store, "store");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.payloads = new EventPayloads(settings.redactor());
        this.queue = new ArrayBlockingQueue<>(settings.queueCapacity());
        this.subscription = bus.subscribeSynchronous(this::offer);
    }

    /** Records {@code bus}'s events into {@code store} with the {@linkplain Settings#DEFAULTS default settings}. */
    public static EventRecorder start(EventBus bus, EventStore store) {
        return start(bus, store, Settings.DEFAULTS);
    }

    public static EventRecorder start(EventBus bus, EventStore store, Settings settings) {
        return new EventRecorder(Objects.requireNonNull(bus, "bus"), store, settings);
    }

    public EventStore store() {
        return store;
    }

    public Settings settings() {
        return settings;
    }

    /** Events written to the store. */
    public long recordedEvents() {
        return recorded.sum();
    }

    /** Events lost: the queue was full, or the store failed or overran the write time-out. */
    public long droppedEvents() {
        return dropped.sum();
    }

    /** Stops listening; events already queued are still written. */
    @Override
    public void close() {
        subscription.cancel();
    }

    private void offer(Event event) {
        if (event.conversationId() == null) {
            return;
        }
        if (!queue.offer(event)) {
            drop(1, "the recording queue (" + settings.queueCapacity() + " events) is full");
        }
        else if (pending.getAndIncrement() == 0) {
            Writer.POOL.schedule(this::drain);
        }
    }

    private void drain() {
        int missed = pending.get();
        do {
            List<Event> batch = new ArrayList<>(BATCH);
            while (queue.drainTo(batch, BATCH) > 0) {
                write(batch);
                batch.clear();
            }
            missed = pending.addAndGet(-missed);
        }
        while (missed != 0);
    }

    private void write(List<Event> batch) {
        Map<String, List<RecordedEvent>> byConversation = new LinkedHashMap<>();
        for (Event event : batch) {
            try {
                byConversation.computeIfAbsent(event.conversationId(), id -> new ArrayList<>())
                        .add(payloads.toRecorded(event));
            }
            catch (RuntimeException ex) {
                drop(1, "event " + event.type() + " could not be turned into JSON: " + ex);
            }
        }
        byConversation.forEach((conversationId, events) -> {
            try {
                store.append(conversationId, events).timeout(settings.writeTimeout()).block();
                recorded.add(events.size());
            }
            catch (RuntimeException ex) {
                drop(events.size(), "the event store " + store.describe() + " failed or took longer than "
                        + settings.writeTimeout().toMillis() + " ms: " + settings.redactor().redact(ex).getMessage());
            }
        });
    }

    private void drop(int count, String reason) {
        dropped.add(count);
        long now = System.nanoTime();
        if (!warned || now - lastWarning > WARN_EVERY_NANOS) {
            warned = true;
            lastWarning = now;
            log.warn("Session recording dropped {} event(s), {} dropped in all: {}; turns are not affected", count,
                    dropped.sum(), reason);
        }
    }

    /**
     * How a recorder works.
     *
     * @param queueCapacity how many events may wait to be written; past it, events are dropped and counted
     * @param writeTimeout the longest one write to the store may take; a slower one counts its events as dropped
     * @param redactor masks credentials in every string of every event before it is stored
     */
    public record Settings(int queueCapacity, Duration writeTimeout, SecretRedactor redactor) {

        /** 10,000 queued events, 5 s a write, masking what looks like a credential. */
        public static final Settings DEFAULTS = new Settings(10_000, Duration.ofSeconds(5),
                SecretRedactor.NO_KNOWN_SECRETS);

        public Settings {
            if (queueCapacity < 1) {
                throw new IllegalArgumentException("queueCapacity must be at least 1, was " + queueCapacity);
            }
            if (writeTimeout == null || writeTimeout.isNegative() || writeTimeout.isZero()) {
                throw new IllegalArgumentException("writeTimeout must be a positive duration, was " + writeTimeout);
            }
            Objects.requireNonNull(redactor, "redactor");
        }

        public Settings withRedactor(SecretRedactor newRedactor) {
            return new Settings(queueCapacity, writeTimeout, newRedactor);
        }
    }

    /** The threads every recorder writes on; blocking is allowed there. */
    private static final class Writer {
        private static final Scheduler POOL = Schedulers.newBoundedElastic(2, Integer.MAX_VALUE,
                "promptkit-recording", 60, true);
    }
}
