/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.validation;

import java.util.Map;

/**
 * {@code min_length}: fails when the text is shorter than {@code min_characters} (aliases {@code min_chars},
 * {@code min}; UTF-16 characters).
 */
final class MinLengthValidator implements Validator {

    private final int minCharacters;

    private MinLengthValidator(int minCharacters) {
        this.minCharacters = minCharacters;
    }

    static MinLengthValidator create(ValidatorParams params) {
        return new MinLengthValidator(params.positiveInteger("min_characters", "min_chars", "min")
                .orElseThrow(() -> new IllegalArgumentException("needs 'min_characters' (or min_chars, min)")));
    }

    @Override
    public Verdict validate(String text) {
        return text.length() >= minCharacters ? Verdict.PASS
                : Verdict.fail("The text is " + text.length() + " characters long, fewer than the " + minCharacters
                        + " required", Map.of("characters", text.length(), "min_characters", minCharacters));
    }
}
