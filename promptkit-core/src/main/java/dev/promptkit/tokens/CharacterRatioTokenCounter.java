/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.tokens;

/**
 * An estimate, not a tokenizer: one token per {@value #CHARS_PER_TOKEN} characters, rounded up. This is the
 * rule of thumb the Go original uses for its mock provider and length guardrails. Characters are UTF-16 code
 * units ({@link String#length()}). Real counts vary by model and language (code and CJK text usually need more
 * tokens), so use a model's own tokenizer where exact counts matter.
 *
 * @since 0.1.0
 */
public final class CharacterRatioTokenCounter implements TokenCounter {

    /** How many characters one token is assumed to hold. */
    public static final int CHARS_PER_TOKEN = 4;

    @Override
    public int count(String text) {
        if (text == null) {
            return 0;
        }
        int length = text.length();
        return length / CHARS_PER_TOKEN + (length % CHARS_PER_TOKEN == 0 ? 0 : 1);
    }
}
