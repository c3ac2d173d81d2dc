/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.event;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class EventBusTests {

    private final AsyncEventBus bus = new AsyncEventBus(10);

    @AfterEach
    void close() {
        bus.close();
    }

    private static StateEvent event(int messages) {
        return new StateEvent(Instant.now(), "c1", StateEvent.Kind.SAVED, messages);
    }

    @Test
    void asyncListenersGetEveryEventInOrderOnAnotherThread() throws InterruptedException {
        List<Integer> seen = new CopyOnWriteArrayList<>();
        List<String> threads = new CopyOnWriteArrayList<>();
        CountDownLatch all = new CountDownLatch(5);
        bus.subscribe(e -> {
            seen.add(((StateEvent) e).messages());
            threads.add(Thread.currentThread().getName());
            all.countDown();
        });

        for (int i = 0; i < 5; i++) {
            bus.publish(event(i));
        }

        assertThat(all.await(5, TimeUnit.SECONDS)).isTrue();
        assertThat(seen).containsExactly(0, 1, 2, 3, 4);
        assertThat(threads).allMatch(name -> name.startsWith("promptkit-events"));
    }

    @Test
    void aSlowListenerLosesItsOwnEventsWithoutDelayingPublishersOrOthers() throws InterruptedException {
        CountDownLatch release = new CountDownLatch(1);
        bus.subscribe(e -> {
            try {
                release.await();
            }
            catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
            }
        });
        CountDownLatch fastGotAll = new CountDownLatch(8);
        bus.subscribe(e -> fastGotAll.countDown());

        long started = System.nanoTime();
        for (int i = 0; i < 30; i++) {
            bus.publish(event(i));
            if (i == 7) {
                assertThat(fastGotAll.await(5, TimeUnit.SECONDS)).isTrue();
            }
        }
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
        release.countDown();

        assertThat(bus.droppedEvents()).as("the slow listener's queue of 10 overflowed").isGreaterThanOrEqualTo(19);
    }

    @Test
    void aThrowingListenerIsCountedAndOthersStillHearEverything() throws InterruptedException {
        bus.subscribe(e -> {
            throw new IllegalStateException("listener bug");
        });
        CountDownLatch heard = new CountDownLatch(3);
        bus.subscribe(e -> heard.countDown());

        bus.publish(event(1));
        bus.publish(event(2));
        bus.publish(event(3));

        assertThat(heard.await(5, TimeUnit.SECONDS)).isTrue();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (bus.listenerFailures() < 3 && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        assertThat(bus.listenerFailures()).isEqualTo(3);
    }

    @Test
    void synchronousAndTypedListenersAndCancellation() {
        List<Event> synchronous = new CopyOnWriteArrayList<>();
        EventBus.Subscription subscription = bus.subscribeSynchronous(synchronous::add);
        List<ToolCallEvent> tools = new CopyOnWriteArrayList<>();
        CountDownLatch typed = new CountDownLatch(1);
        bus.subscribe(ToolCallEvent.class, e -> {
            tools.add(e);
            typed.countDown();
        });

        bus.publish(event(1));
        bus.publish(new ToolCallEvent(Instant.now(), "c1", Phase.COMPLETED, "get_weather", "call_1",
                Duration.ofMillis(3), null));
        subscription.cancel();
        bus.publish(event(2));

        assertThat(synchronous).extracting(Event::type).containsExactly("state.saved", "tool.call.completed");
        try {
            assertThat(typed.await(5, TimeUnit.SECONDS)).isTrue();
        }
        catch (InterruptedException ex) {
            throw new AssertionError(ex);
        }
        assertThat(tools).singleElement().extracting(ToolCallEvent::toolName).isEqualTo("get_weather");
    }
}
