/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.provider.mock;

import dev.promptkit.types.ToolResult;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The {@code when} of an {@code after_tools} branch: a tool result meets it when every part given matches: the
 * {@code tool} name, the {@code outcome} ({@code success}, {@code error}: the tool failed, {@code rejected}: a
 * person rejected the call) and the {@code result} pattern, found case-insensitively in what the model is shown
 * (the result, or the error as {@code {"error": "..."}}).
 */
record MockToolResultCondition(String tool, Outcome outcome, Pattern result) {

    /** How a tool call ended, as scripts spell it. */
    enum Outcome {
        SUCCESS, ERROR, REJECTED;

        static Outcome of(ToolResult result) {
            return result.isRejected() ? REJECTED : result.isError() ? ERROR : SUCCESS;
        }

        String scriptName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    boolean matches(ToolResult toolResult) {
        return (tool == null || tool.equals(toolResult.name()))
                && (outcome == null || outcome == Outcome.of(toolResult))
                && (result == null || result.matcher(String.valueOf(toolResult.contentForModel())).find());
    }
}
