/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.tool;

import java.util.Map;

/**
 * Decides whether a tool call may run now or must wait for a human: returns {@code null} to run it,
 * or a {@link PendingResult} to hold it. Must be quick and must not block.
 *
 * <pre>{@code
 * conversation.onToolAsync("process_refund",
 *         args -> ((Number) args.get("amount")).doubleValue() > 100
 *                 ? new PendingResult("amount_over_limit", "Refunds over $100 need approval") : null,
 *         args -> refunds.process(args));
 * }</pre>
 *
 * @since 0.1.0
 */
@FunctionalInterface
public interface ApprovalCheck {

    PendingResult check(Map<String, Object> arguments);
}
