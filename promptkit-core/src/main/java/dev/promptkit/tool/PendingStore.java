/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.tool;

import java.util.List;
import reactor.core.publisher.Mono;

/**
 * Where held tool calls wait for approval. {@link #claim} is atomic: when several instances try to
 * approve or reject the same call, exactly one gets it, so a call never runs twice.
 *
 * @since 0.1.0
 */
public interface PendingStore {

    Mono<Void> add(PendingToolCall call);

    /** The calls of a conversation still waiting, oldest first. */
    Mono<List<PendingToolCall>> list(String conversationId);

    /** Removes and returns a waiting call; empty when it does not exist or was already claimed. */
    Mono<PendingToolCall> claim(String conversationId, String callId);
}
