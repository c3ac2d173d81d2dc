/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.autoconfigure;

import dev.promptkit.sdk.ConversationOptions;

/**
 * Adds to the options every conversation of the {@link dev.promptkit.sdk.Conversations} bean starts from, after
 * the {@code promptkit.*} properties; customizers run in {@code @Order} order. The starter's voice and media
 * settings are customizers too, so an application's own runs after them unless it is ordered first.
 *
 * @since 0.1.0
 */
@FunctionalInterface
public interface ConversationOptionsCustomizer {

    void customize(ConversationOptions.Builder options);
}
