/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.provider.mock;

import dev.promptkit.types.ToolResult;
import java.util.List;

/**
 * One answer of a rule's {@code after_tools}: {@code turn}, given when {@code condition} holds for the tool results
 * the call follows (always, without a condition).
 */
record MockBranch(MockToolResultCondition condition, MockTurn turn) {

    static MockBranch always(MockTurn turn) {
        return new MockBranch(null, turn);
    }

    boolean appliesTo(List<ToolResult> results) {
        return condition == null || results.stream().anyMatch(condition::matches);
    }
}
