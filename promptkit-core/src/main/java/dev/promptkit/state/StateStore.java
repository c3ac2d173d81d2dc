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
 * none of it. Each stored conversation has a version ({@link ConversationState#version()}), so that a turn
 * answered on a history that changed meanwhile is refused instead of stored out of order. Failures surface as
 * {@link StateStoreException}; an unreachable store as its {@link StoreUnavailableException}.
 *
 * @since 0.1.0
 */
public interface StateStore {

    /** For {@link #append(String, List, Map, long)}: append whatever the stored version is. */
    long ANY_VERSION = -1;

    /** The stored conversation, or an empty {@link Mono} when there is none (or it expired). */
    Mono<ConversationState> load(String conversationId);

    /**
     * Appends one turn's messages and merges {@code metadata} into the stored metadata, atomically,
     * creating the conversation when it does not exist, if the stored history is still at
     * {@code expectedVersion} (0 for a conversation not stored yet). Appending messages makes a new version;
     * appending metadata alone does not. Refreshes the time to live.
     *
     * @param expectedVersion the version of the history the turn was answered on, or {@link #ANY_VERSION}
     * @return a {@link Mono} that fails with a {@link ConversationConflictException}, having written nothing,
     *     when the stored version is another
     */
    Mono<Void> append(String conversationId, List<Message> messages, Map<String, String> metadata,
            long expectedVersion);

    /** Appends whatever the stored version is: {@link #append(String, List, Map, long)} with {@link #ANY_VERSION}. */
    default Mono<Void> append(String conversationId, List<Message> messages, Map<String, String> metadata) {
        return append(conversationId, messages, metadata, ANY_VERSION);
    }

    /** Replaces a conversation wholesale (used by {@code clear()}), as a new version of its history. */
    Mono<Void> save(ConversationState state);

    /**
     * Copies conversation {@code sourceId} to {@code targetId} (a new version of the target's history); emits
     * {@code false} when the source does not exist (nothing is written then).
     */
    Mono<Boolean> fork(String sourceId, String targetId);

    /** Removes a conversation; emits whether it existed. */
    Mono<Boolean> delete(String conversationId);
}
