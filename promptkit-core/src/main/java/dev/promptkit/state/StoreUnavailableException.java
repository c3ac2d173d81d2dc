/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.state;

/**
 * A store of conversations or of held tool calls could not be reached, or did not answer within its time-out.
 * The operation may succeed when tried again later. A write that timed out may still have been applied by the
 * store: a turn sent again then fails with a {@link ConversationConflictException} rather than being stored twice.
 *
 * @since 0.1.0
 */
public class StoreUnavailableException extends StateStoreException {

    private static final long serialVersionUID = 1L;

    public StoreUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
