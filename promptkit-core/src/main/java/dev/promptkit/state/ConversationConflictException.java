/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.state;

import dev.promptkit.PromptKitException;

/**
 * A turn was answered on a history that another turn (of this instance or another) changed before it could be
 * stored. Nothing of the turn was stored; the caller may load the conversation again and retry.
 *
 * @since 0.1.0
 */
public class ConversationConflictException extends PromptKitException {

    private static final long serialVersionUID = 1L;

    private final String conversationId;
    private final long expectedVersion;
    private final long storedVersion;

    public ConversationConflictException(String conversationId, long expectedVersion, long storedVersion) {
        super("Conversation '" + conversationId + "' changed while this turn was answered (it was answered on version "
                + expectedVersion + " of the history, the store now holds version " + storedVersion
                + "): nothing of the turn was stored; send it again to answer it on the new history");
        this.conversationId = conversationId;
        this.expectedVersion = expectedVersion;
        this.storedVersion = storedVersion;
    }

    public String conversationId() {
        return conversationId;
    }

    /** The version of the history the turn was answered on. */
    public long expectedVersion() {
        return expectedVersion;
    }

    /** The version the store held when the turn tried to store itself. */
    public long storedVersion() {
        return storedVersion;
    }
}
