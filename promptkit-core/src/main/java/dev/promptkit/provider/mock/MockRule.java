/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.provider.mock;

import dev.promptkit.types.ToolResult;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A script rule: when {@code pattern} is found in the user message a turn answers, reply {@code response}
 * to the turn's first provider call, and to the call that follows its tool results the first of
 * {@code afterTools} whose condition the results meet (none: the rule does not answer that call).
 */
record MockRule(Pattern pattern, MockTurn response, List<MockBranch> afterTools) {

    MockRule {
        afterTools = List.copyOf(afterTools);
    }

    boolean matches(String userText) {
        return userText != null && pattern.matcher(userText).find();
    }

    /** The reply for the query's call: {@code response}, or the first branch the tool results meet; may be null. */
    MockTurn reply(ScriptQuery query) {
        if (!query.afterToolResults()) {
            return response;
        }
        List<ToolResult> results = query.latestToolResults();
        return afterTools.stream().filter(branch -> branch.appliesTo(results)).map(MockBranch::turn).findFirst()
                .orElse(null);
    }
}
