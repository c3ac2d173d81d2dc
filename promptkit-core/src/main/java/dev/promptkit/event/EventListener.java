package dev.promptkit.event;

/** Receives events from an {@link EventBus}. */
@FunctionalInterface
public interface EventListener {

    void onEvent(Event event);
}
