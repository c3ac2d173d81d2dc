/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.voice;

import static org.assertj.core.api.Assertions.assertThat;

import dev.promptkit.duplex.DuplexEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import reactor.core.publisher.Flux;

/** Subscribes to a session's events and lets a test wait for them, in order. */
final class EventRecorder {

    private static final long TIMEOUT_SECONDS = 10;
    private static final Object COMPLETE = new Object();

    private final BlockingQueue<Object> queue = new LinkedBlockingQueue<>();
    private final List<DuplexEvent> taken = new ArrayList<>();

    EventRecorder(Flux<DuplexEvent> events) {
        events.subscribe(queue::add, queue::add, () -> queue.add(COMPLETE));
    }

    /** The events up to and including the next one of {@code type}, waiting for it. */
    List<DuplexEvent> until(Class<? extends DuplexEvent> type) {
        List<DuplexEvent> events = new ArrayList<>();
        while (true) {
            Object next = take("a " + type.getSimpleName());
            if (!(next instanceof DuplexEvent event)) {
                throw new AssertionError("expected a " + type.getSimpleName() + " but the session ended with "
                        + next + " after " + taken, next instanceof Throwable failure ? failure : null);
            }
            events.add(event);
            if (type.isInstance(event)) {
                return events;
            }
        }
    }

    /** The failure that ended the session, waiting for it. */
    Throwable failure() {
        Object next;
        do {
            next = take("the session's failure");
        }
        while (next instanceof DuplexEvent);
        assertThat(next).as("the session's end after %s", taken).isInstanceOf(Throwable.class);
        return (Throwable) next;
    }

    /** Waits for the end of the session; fails on any further event or failure. */
    void awaitComplete() {
        assertThat(take("the end of the session")).as("after %s", taken).isSameAs(COMPLETE);
    }

    /** Whatever arrives within {@code millis}, without waiting longer. */
    List<Object> quietFor(long millis) throws InterruptedException {
        Thread.sleep(millis);
        List<Object> arrived = new ArrayList<>();
        queue.drainTo(arrived);
        return arrived;
    }

    private Object take(String what) {
        try {
            Object next = queue.poll(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            if (next == null) {
                throw new AssertionError("no " + what + " within " + TIMEOUT_SECONDS + " s; so far: " + taken);
            }
            if (next instanceof DuplexEvent event) {
                taken.add(event);
            }
            return next;
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
