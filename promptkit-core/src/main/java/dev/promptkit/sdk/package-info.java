/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
/**
 * The SDK: open a {@link dev.promptkit.sdk.Conversation} (turns: {@code send}, {@code stream}) or a
 * {@link dev.promptkit.sdk.DuplexConversation} (a live voice or realtime session) on a prompt of a pack, with
 * {@link dev.promptkit.sdk.PromptKit} or a {@link dev.promptkit.sdk.Conversations} factory, configured by
 * {@link dev.promptkit.sdk.ConversationOptions}. Each turn is prepared, run through the pipeline and stored.
 */
package dev.promptkit.sdk;
