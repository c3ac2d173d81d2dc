/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.tool;

import dev.promptkit.PromptKitException;

/**
 * No call with that id waits for approval: it never existed, was already resolved or rejected, or expired.
 *
 * @since 0.1.0
 */
public class PendingToolNotFoundException extends PromptKitException {

    private static final long serialVersionUID = 1L;

    public PendingToolNotFoundException(String conversationId, String callId) {
        super("No tool call '" + callId + "' is waiting for approval in conversation '" + conversationId
                + "' (already resolved or rejected, expired, or never held)");
    }
}
