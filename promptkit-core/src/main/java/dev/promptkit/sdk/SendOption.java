/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.sdk;

import dev.promptkit.types.ContentPart;

/**
 * Something attached to one message sent by {@link Conversation#send(String, SendOption...)}; see {@link SendOptions}.
 *
 * @since 0.1.0
 */
@FunctionalInterface
public interface SendOption {

    /** The content part this option adds to the user's message. */
    ContentPart part();
}
