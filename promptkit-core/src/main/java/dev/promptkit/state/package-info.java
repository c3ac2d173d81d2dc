/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
/**
 * Conversation state between turns: the {@link dev.promptkit.state.StateStore} SPI (one atomic, versioned append
 * per turn), {@link dev.promptkit.state.InMemoryStateStore}, the stored {@link dev.promptkit.state.ConversationState}
 * and the store's exceptions. The Redis store is in {@code redis}.
 */
package dev.promptkit.state;
