/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.tool;

import dev.promptkit.PromptKitException;
import java.util.Locale;

/**
 * A held call cannot take this decision: it was decided the other way already, or it is still running after its
 * approval (by another request, perhaps on another instance). Approving a call that was approved and has run
 * gives its result again instead; rejecting a rejected call replaces the reason.
 *
 * @since 0.1.0
 */
public class PendingToolDecidedException extends PromptKitException {

    private static final long serialVersionUID = 1L;

    public PendingToolDecidedException(PendingToolCall call, PendingToolCall.Decision wanted) {
        super(message(call, wanted));
    }

    private static String message(PendingToolCall call, PendingToolCall.Decision wanted) {
        String subject = "Tool call '" + call.id() + "' (" + call.name() + ") of conversation '"
                + call.conversationId() + "'";
        if (call.isRunning()) {
            return subject + " is running after its approval; wait for its result";
        }
        return subject + " was already " + call.decision().name().toLowerCase(Locale.ROOT) + "; it cannot be "
                + wanted.name().toLowerCase(Locale.ROOT) + " now";
    }
}
