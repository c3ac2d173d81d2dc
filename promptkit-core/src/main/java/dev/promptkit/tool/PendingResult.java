/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.tool;

/**
 * Why a tool call waits for a human: returned by an {@link ApprovalCheck} to hold the call.
 *
 * @param reason a short machine-readable reason (for example {@code amount_over_limit})
 * @param message what to show the person who approves or rejects the call
 *
 * @since 0.1.0
 */
public record PendingResult(String reason, String message) {
}
