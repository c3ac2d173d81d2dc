/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.autoconfigure;

import dev.promptkit.sdk.ConversationOptions;

/**
 * Changes the options every conversation of the {@link dev.promptkit.sdk.Conversations} bean starts from;
 * customizers run in {@code @Order} order. The starter applies the {@code promptkit.*} properties and the
 * application's extension beans with customizers of order {@value #STARTER_ORDER}, so that an application's own,
 * unordered or ordered later, run after them and have the last word.
 *
 * @since 0.1.0
 */
@FunctionalInterface
public interface ConversationOptionsCustomizer {

    /** The order of the starter's own customizers. */
    int STARTER_ORDER = 0;

    void customize(ConversationOptions.Builder options);
}
