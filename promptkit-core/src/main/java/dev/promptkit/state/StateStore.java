/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.state;

import dev.promptkit.types.Message;
import java.util.List;
import java.util.Map;
import reactor.core.publisher.Mono;

/**
 * Where conversations live between turns. Every method is non-blocking. A turn's messages are written
 * with one {@link #append} call, which must be atomic: after a crash either the whole turn is stored or
 * none of it. Failures surface as {@link StateStoreException}.
 *
 * @since 0.1.0
 */
public interface StateStore {

    /** The stored conversation, or an empty {@link Mono} when there is none (or it expired). */
    Mono<ConversationState> load(String conversationId);

    /**
     * Appends one turn's messages and merges {@code metadata} into the stored metadata, atomically,
     * creating the conversation when it does not exist. Refreshes its time to live.
     */
    Mono<Void> append(String conversationId, List<Message> messages, Map<String, String> metadata);

    /** Replaces a conversation wholesale (used by {@code clear()}). */
    Mono<Void> save(ConversationState state);

    /**
     * Copies conversation {@code sourceId} to {@code targetId}; emits {@code false} when the source does
     * not exist (nothing is written then).
     */
    Mono<Boolean> fork(String sourceId, String targetId);

    /** Removes a conversation; emits whether it existed. */
    Mono<Boolean> delete(String conversationId);
}
