/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.tokens;

import com.knuddels.jtokkit.api.Encoding;

/**
 * Exact counts for OpenAI models, with one of OpenAI's byte-pair encodings (jtokkit). Special tokens such
 * as {@code <|endoftext|>} in the text are counted as ordinary text, as a user could type them. The counts of
 * texts of {@value #CACHED_FROM_CHARS} characters or more are remembered ({@link TokenCountCache}), since a
 * conversation's history is counted again on every turn.
 */
final class JtokkitTokenCounter implements TokenCounter {

    static final int CACHED_FROM_CHARS = 256;
    private static final int MAX_CACHED_TEXTS = 50_000;

    private final Encoding encoding;
    private final TokenCountCache cache = new TokenCountCache(MAX_CACHED_TEXTS);

    JtokkitTokenCounter(Encoding encoding) {
        this.encoding = encoding;
    }

    @Override
    public int count(String text) {
        if (text == null || text.isEmpty()) {
            return 0;
        }
        return text.length() < CACHED_FROM_CHARS ? encoding.countTokensOrdinary(text)
                : cache.count(text, encoding::countTokensOrdinary);
    }

    @Override
    public String toString() {
        return "JtokkitTokenCounter[" + encoding.getName() + "]";
    }
}
