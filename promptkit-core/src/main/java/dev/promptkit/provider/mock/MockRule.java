/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.provider.mock;

import java.util.regex.Pattern;

/**
 * A script rule: when {@code pattern} is found in the user message a turn answers, reply {@code response}
 * to the turn's first provider call and {@code afterTools} (if given) to the call that follows its tool
 * results.
 */
record MockRule(Pattern pattern, MockTurn response, MockTurn afterTools) {

    boolean matches(String userText) {
        return userText != null && pattern.matcher(userText).find();
    }

    /** The reply for a call that follows tool results ({@code afterTools}) or not ({@code response}); may be null. */
    MockTurn reply(boolean afterToolResults) {
        return afterToolResults ? afterTools : response;
    }
}
