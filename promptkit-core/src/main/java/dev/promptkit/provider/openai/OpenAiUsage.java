/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.provider.openai;

import dev.promptkit.types.TokenUsage;
import tools.jackson.databind.JsonNode;

/**
 * OpenAI's usage object as {@link TokenUsage}, for both of its APIs: cached input tokens are split out of the
 * input (they are priced at their own rate), and the output includes the reasoning tokens, which are also reported
 * apart. Chat Completions names the counts {@code prompt_tokens} and {@code completion_tokens}, the Responses API
 * {@code input_tokens} and {@code output_tokens}; each has its {@code _details} beside it.
 */
enum OpenAiUsage {

    CHAT_COMPLETIONS("prompt_tokens", "completion_tokens"),
    RESPONSES("input_tokens", "output_tokens");

    private final String input;
    private final String output;

    OpenAiUsage(String input, String output) {
        this.input = input;
        this.output = output;
    }

    /** The counts of {@code usage}; a missing count is 0. */
    TokenUsage read(JsonNode usage) {
        long all = usage.path(input).asLong(0);
        long cached = usage.path(input + "_details").path("cached_tokens").asLong(0);
        long generated = usage.path(output).asLong(0);
        long reasoning = usage.path(output + "_details").path("reasoning_tokens").asLong(0);
        return new TokenUsage(Math.max(0, all - cached), generated, cached, 0, reasoning);
    }
}
