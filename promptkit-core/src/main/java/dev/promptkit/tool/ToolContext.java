/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.tool;

/**
 * What a tool handler knows about the call it answers: the conversation, the call's id and the tool's
 * name. Cancellation reaches a handler through Reactor: the {@code Mono} it returns is cancelled when
 * the turn is cancelled or the call times out.
 *
 * @since 0.1.0
 */
public record ToolContext(String conversationId, String toolCallId, String toolName) {
}
