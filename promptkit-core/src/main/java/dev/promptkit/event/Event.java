/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.event;

import java.time.Instant;

/**
 * Something that happened in the runtime, published on an {@link EventBus}. Every event names its
 * conversation (or {@code null} for provider-level events) and has a dotted {@link #type()} such as
 * {@code provider.call.completed}, as the Go original names them.
 *
 * @since 0.1.0
 */
public sealed interface Event permits PipelineEvent, ProviderCallEvent, ToolCallEvent, ValidationEvent,
        ContextTruncatedEvent, StateEvent, StreamRetryEvent, ConnectionResendEvent, ConcurrencyRejectedEvent,
        MessageCreatedEvent, StreamInterruptedEvent, EvalEvent {

    Instant timestamp();

    String conversationId();

    /** The dotted event type, for example {@code tool.call.failed}. */
    String type();
}
