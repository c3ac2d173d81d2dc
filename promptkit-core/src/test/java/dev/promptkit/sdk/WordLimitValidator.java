/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.sdk;

import dev.promptkit.validation.Validator;
import dev.promptkit.validation.ValidatorParams;
import dev.promptkit.validation.Verdict;
import java.util.Map;

/** A validator type of an application's own, {@code max_words}, written against the public SPI only. */
final class WordLimitValidator {

    static final String TYPE = "max_words";

    private WordLimitValidator() {
    }

    /** The factory: reads {@code max}, then judges texts. */
    static Validator create(ValidatorParams params) {
        int max = params.positiveInteger("max").orElseThrow(() -> new IllegalArgumentException("needs 'max'"));
        return text -> {
            int words = text.isBlank() ? 0 : text.trim().split("\\s+").length;
            return words <= max ? Verdict.PASS
                    : Verdict.fail(words + " words, more than the " + max + " allowed", Map.of("words", words));
        };
    }
}
