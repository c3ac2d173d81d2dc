/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.event;

import java.util.function.Consumer;

/**
 * Where the runtime publishes {@link Event}s and applications listen. Publishing never blocks and never
 * throws: each asynchronous listener has its own bounded queue and is called on a worker thread, so a
 * slow or failing listener loses its own events (counted in {@link #droppedEvents()}) or is logged
 * and counted ({@link #listenerFailures()}), and never delays a turn or another listener.
 *
 * <pre>{@code
 * EventBus events = EventBus.create();
 * events.subscribe(ToolCallEvent.class, e -> log.info("{} {}", e.type(), e.toolName()));
 * Conversation chat = PromptKit.open("assistant.pack.json", "chat",
 *         ConversationOptions.builder().eventBus(events).build());
 * }</pre>
 *
 * @since 0.1.0
 */
public interface EventBus extends AutoCloseable {

    /** The default capacity of each asynchronous listener's queue. */
    int DEFAULT_QUEUE_CAPACITY = 1000;

    static EventBus create() {
        return new AsyncEventBus(DEFAULT_QUEUE_CAPACITY);
    }

    /** Hands an event to every listener; returns at once. */
    void publish(Event event);

    /** Listens to every event, on a worker thread. */
    Subscription subscribe(EventListener listener);

    /** Listens to events of one type, on a worker thread. */
    default <E extends Event> Subscription subscribe(Class<E> type, Consumer<? super E> listener) {
        return subscribe(event -> {
            if (type.isInstance(event)) {
                listener.accept(type.cast(event));
            }
        });
    }

    /**
     * Listens on the publishing thread, for listeners that are quick and never block (metrics
     * counters, for example): no event is ever dropped for them. Exceptions are still isolated.
     */
    Subscription subscribeSynchronous(EventListener listener);

    /** Whether anyone listens; publishers may skip building events nobody hears. */
    boolean hasListeners();

    /** Events lost because an asynchronous listener's queue was full. */
    long droppedEvents();

    /** Exceptions thrown by listeners. */
    long listenerFailures();

    /** Stops delivering events. */
    @Override
    void close();

    /** A registration that can be cancelled. */
    @FunctionalInterface
    interface Subscription {
        void cancel();
    }
}
