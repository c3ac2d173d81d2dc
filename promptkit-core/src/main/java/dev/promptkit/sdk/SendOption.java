/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.sdk;

import dev.promptkit.types.ContentPart;
import dev.promptkit.types.ReasoningSettings;

/**
 * Something sent with one message by {@link Conversation#send(String, SendOption...)}: an attachment, or reasoning
 * settings for that turn; see {@link SendOptions}.
 *
 * @since 0.1.0
 */
@FunctionalInterface
public interface SendOption {

    /** The content part this option adds to the user's message; {@code null} when it adds none. */
    ContentPart part();

    /** The reasoning settings this option lays over the turn's; {@code null} when it sets none. */
    default ReasoningSettings reasoning() {
        return null;
    }
}
