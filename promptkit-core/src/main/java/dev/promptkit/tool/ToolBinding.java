/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.tool;

/**
 * How one tool is answered: its executor, an optional approval check that can hold a call for a
 * human, and where the handler comes from (for example {@code bean#method}, {@code http}, {@code mcp}),
 * shown by diagnostics.
 *
 * @since 0.1.0
 */
public record ToolBinding(ToolExecutor executor, ApprovalCheck approval, String origin) {

    public static ToolBinding of(ToolExecutor executor, String origin) {
        return new ToolBinding(executor, null, origin);
    }
}
