/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.provider.gemini;

import java.util.Locale;
import java.util.Set;

/**
 * Translates Gemini's {@code finishReason} into PromptKit's (OpenAI's) vocabulary: {@code STOP} is
 * {@code stop}, or {@code tool_calls} when the answer called functions; {@code MAX_TOKENS} is
 * {@code length}; the safety and recitation stops are {@code content_filter}; the malformed, unexpected
 * or too many function call stops are {@code error}. Any other reason is passed on in lower case.
 */
final class FinishReasons {

    private static final Set<String> FILTERED = Set.of("SAFETY", "RECITATION", "BLOCKLIST", "PROHIBITED_CONTENT",
            "SPII", "IMAGE_SAFETY", "IMAGE_PROHIBITED_CONTENT", "IMAGE_RECITATION");
    private static final Set<String> FAILED_CALLS = Set.of("MALFORMED_FUNCTION_CALL", "UNEXPECTED_TOOL_CALL",
            "TOO_MANY_TOOL_CALLS");

    private FinishReasons() {
    }

    static String translate(String reason, boolean calledFunctions) {
        if (reason.equals("STOP")) {
            return calledFunctions ? "tool_calls" : "stop";
        }
        if (reason.equals("MAX_TOKENS")) {
            return "length";
        }
        if (FILTERED.contains(reason)) {
            return "content_filter";
        }
        if (FAILED_CALLS.contains(reason)) {
            return "error";
        }
        return reason.toLowerCase(Locale.ROOT);
    }
}
