/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.validation;

import dev.promptkit.tokens.TokenCounter;
import java.util.Map;
import java.util.OptionalInt;

/**
 * {@code max_length} (alias {@code length}): fails when the text is longer than {@code max_characters}
 * (aliases {@code max_chars}, {@code max}; UTF-16 characters) or than {@code max_tokens} (counted by a
 * {@link TokenCounter}). While an answer streams, it fails as soon as the text so far is too long.
 */
final class MaxLengthValidator implements StreamingValidator {

    private final int maxCharacters;
    private final int maxTokens;
    private final TokenCounter tokens;

    private MaxLengthValidator(int maxCharacters, int maxTokens, TokenCounter tokens) {
        this.maxCharacters = maxCharacters;
        this.maxTokens = maxTokens;
        this.tokens = tokens;
    }

    static MaxLengthValidator create(ValidatorParams params, TokenCounter tokens) {
        OptionalInt characters = params.positiveInteger("max_characters", "max_chars", "max");
        OptionalInt maxTokens = params.positiveInteger("max_tokens");
        if (characters.isEmpty() && maxTokens.isEmpty()) {
            throw new IllegalArgumentException("needs 'max_characters' (or max_chars, max) or 'max_tokens'");
        }
        return new MaxLengthValidator(characters.orElse(0), maxTokens.orElse(0), tokens);
    }

    @Override
    public Verdict validate(String text) {
        return check(text);
    }

    @Override
    public Verdict validatePartial(CharSequence text, int deltaStart) {
        return check(text);
    }

    private Verdict check(CharSequence text) {
        if (maxCharacters > 0 && text.length() > maxCharacters) {
            return Verdict.fail("The text is " + text.length() + " characters long, more than the " + maxCharacters
                    + " allowed", Map.of("characters", text.length(), "max_characters", maxCharacters));
        }
        if (maxTokens > 0) {
            int counted = tokens.count(text.toString());
            if (counted > maxTokens) {
                return Verdict.fail("The text is " + counted + " tokens long, more than the " + maxTokens + " allowed",
                        Map.of("tokens", counted, "max_tokens", maxTokens));
            }
        }
        return Verdict.PASS;
    }
}
