/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.tool;

import dev.promptkit.types.ToolResult;
import java.util.Collection;
import java.util.List;
import reactor.core.publisher.Mono;

/**
 * Where tool calls held for approval wait for a decision, and where the results of decided calls wait for the
 * turn that sends them to the model. {@link #claim} is atomic: when several instances try to approve or reject
 * the same call, exactly one gets it, so a call never runs twice. A call is {@linkplain #remove removed} only
 * once the turn carrying its result has been stored, so a continuation that fails can be tried again without
 * running the tool again.
 *
 * @since 0.1.0
 */
public interface PendingStore {

    /** Holds a call; it waits for a decision. */
    Mono<Void> add(PendingToolCall call);

    /** The held calls of a conversation, whatever became of them (waiting, running, settled), oldest first. */
    Mono<List<PendingToolCall>> list(String conversationId);

    /**
     * Takes a waiting call for {@code decision}, atomically: exactly one of several concurrent callers gets the call
     * (with the decision set); the others, and any caller when the call does not wait (decided already, expired,
     * never held), get an empty {@link Mono}.
     */
    Mono<PendingToolCall> claim(String conversationId, String callId, PendingToolCall.Decision decision);

    /**
     * Keeps the result of a decided call (replacing an earlier one) for the turn that continues the conversation;
     * emits {@code false} when the call is no longer held (it expired).
     */
    Mono<Boolean> complete(String conversationId, String callId, ToolResult result);

    /** Forgets calls of a conversation (the turn carrying their results was stored); unknown ids are ignored. */
    Mono<Void> remove(String conversationId, Collection<String> callIds);
}
