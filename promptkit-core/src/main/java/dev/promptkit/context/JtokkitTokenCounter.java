/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.context;

import com.knuddels.jtokkit.api.Encoding;

/**
 * Exact counts for OpenAI models, with one of OpenAI's byte-pair encodings (jtokkit). Special tokens such
 * as {@code <|endoftext|>} in the text are counted as ordinary text, as a user could type them.
 */
final class JtokkitTokenCounter implements TokenCounter {

    private final Encoding encoding;

    JtokkitTokenCounter(Encoding encoding) {
        this.encoding = encoding;
    }

    @Override
    public int count(String text) {
        return text == null || text.isEmpty() ? 0 : encoding.countTokensOrdinary(text);
    }

    @Override
    public String toString() {
        return "JtokkitTokenCounter[" + encoding.getName() + "]";
    }
}
