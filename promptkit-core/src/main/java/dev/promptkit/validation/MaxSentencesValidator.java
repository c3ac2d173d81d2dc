/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.validation;

import java.util.Map;
import java.util.regex.Pattern;

/**
 * {@code max_sentences}: fails when the text has more than {@code max_sentences} sentences, the non-blank pieces
 * of text between runs of {@code .}, {@code !} and {@code ?}.
 */
final class MaxSentencesValidator implements Validator {

    private static final Pattern SENTENCE_END = Pattern.compile("[.!?]+");

    private final int maxSentences;

    private MaxSentencesValidator(int maxSentences) {
        this.maxSentences = maxSentences;
    }

    static MaxSentencesValidator create(ValidatorParams params) {
        return new MaxSentencesValidator(params.positiveInteger("max_sentences", "max")
                .orElseThrow(() -> new IllegalArgumentException("needs 'max_sentences' (or 'max')")));
    }

    @Override
    public Verdict validate(String text) {
        int sentences = count(text);
        return sentences <= maxSentences ? Verdict.PASS
                : Verdict.fail("The text has " + sentences + " sentences, more than the " + maxSentences + " allowed",
                        Map.of("sentences", sentences, "max_sentences", maxSentences));
    }

    private static int count(String text) {
        int sentences = 0;
        for (String piece : SENTENCE_END.split(text)) {
            if (!piece.isBlank()) {
                sentences++;
            }
        }
        return sentences;
    }
}
