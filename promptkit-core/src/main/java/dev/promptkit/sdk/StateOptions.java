/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.sdk;

import dev.promptkit.state.StateStore;
import dev.promptkit.tool.PendingStore;

/**
 * Where a conversation keeps what outlives a turn, and under which id: part of {@link ConversationOptions}.
 *
 * @param store where the conversation's messages are stored (required by {@code resume}); {@code null} for a private
 *     in-memory store
 * @param pendingStore where calls held for approval wait (share one so another instance can approve); {@code null}
 *     for a private in-memory store
 * @param conversationId the conversation's id (a user or session id, say); {@code null} for a generated one
 *
 * @since 0.1.0
 */
public record StateOptions(StateStore store, PendingStore pendingStore, String conversationId) {

    /** Private in-memory stores and a generated id. */
    public static final StateOptions DEFAULTS = new StateOptions(null, null, null);

    public StateOptions {
        OptionValues.optionalText(conversationId, "conversationId");
    }

    public StateOptions withStore(StateStore stateStore) {
        return new StateOptions(stateStore, pendingStore, conversationId);
    }

    public StateOptions withPendingStore(PendingStore pending) {
        return new StateOptions(store, pending, conversationId);
    }

    public StateOptions withConversationId(String id) {
        return new StateOptions(store, pendingStore, OptionValues.text(id, "conversationId"));
    }
}
