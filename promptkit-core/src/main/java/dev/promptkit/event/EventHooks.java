/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.event;

import java.util.function.Consumer;

/**
 * Shortcuts for the listeners most applications want, as the seed SDK's {@code hooks} package has.
 *
 * <pre>{@code
 * EventHooks.onToolCall(conversation.eventBus(), call -> audit.record(call.toolName(), call.error()));
 * }</pre>
 *
 * @since 0.1.0
 */
public final class EventHooks {

    private EventHooks() {
    }

    /** Each finished tool call (completed or failed). */
    public static EventBus.Subscription onToolCall(EventBus bus, Consumer<ToolCallEvent> listener) {
        return bus.subscribe(ToolCallEvent.class, event -> {
            if (event.phase() != Phase.STARTED) {
                listener.accept(event);
            }
        });
    }

    /** Each failed validation. */
    public static EventBus.Subscription onValidationFailed(EventBus bus, Consumer<ValidationEvent> listener) {
        return bus.subscribe(ValidationEvent.class, event -> {
            if (!event.passed()) {
                listener.accept(event);
            }
        });
    }

    /** Each finished provider call (completed, with tokens and cost, or failed). */
    public static EventBus.Subscription onProviderCall(EventBus bus, Consumer<ProviderCallEvent> listener) {
        return bus.subscribe(ProviderCallEvent.class, event -> {
            if (event.phase() != Phase.STARTED) {
                listener.accept(event);
            }
        });
    }

    /** Each turn whose pipeline completed (not a stage's completion, not a failed or interrupted turn). */
    public static EventBus.Subscription onPipelineComplete(EventBus bus, Consumer<PipelineEvent> listener) {
        return bus.subscribe(PipelineEvent.class, event -> {
            if (event.stage() == null && event.phase() == Phase.COMPLETED) {
                listener.accept(event);
            }
        });
    }

    /** Each message a turn made: the user's, the assistant's answers, the tool results. */
    public static EventBus.Subscription onMessage(EventBus bus, Consumer<MessageCreatedEvent> listener) {
        return bus.subscribe(MessageCreatedEvent.class, listener);
    }
}
