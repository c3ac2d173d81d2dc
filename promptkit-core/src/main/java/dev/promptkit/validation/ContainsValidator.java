/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.validation;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code contains}: fails unless the text holds every one of {@code patterns}; {@code contains_any}: fails
 * unless it holds at least one. Plain text, not regular expressions; case is ignored.
 */
final class ContainsValidator implements Validator {

    private final List<String> patterns;
    private final boolean needsAll;

    private ContainsValidator(List<String> patterns, boolean needsAll) {
        this.patterns = patterns;
        this.needsAll = needsAll;
    }

    static ContainsValidator all(ValidatorParams params) {
        return new ContainsValidator(params.requiredStrings("patterns"), true);
    }

    static ContainsValidator any(ValidatorParams params) {
        return new ContainsValidator(params.requiredStrings("patterns"), false);
    }

    @Override
    public Verdict validate(String text) {
        String lowerCase = text.toLowerCase(Locale.ROOT);
        List<String> missing = patterns.stream()
                .filter(pattern -> !lowerCase.contains(pattern.toLowerCase(Locale.ROOT))).toList();
        if (needsAll && !missing.isEmpty()) {
            return Verdict.fail("The text lacks: " + String.join(", ", missing), Map.of("missing", missing));
        }
        if (!needsAll && missing.size() == patterns.size()) {
            return Verdict.fail("The text contains none of: " + String.join(", ", patterns),
                    Map.of("patterns", patterns));
        }
        return Verdict.PASS;
    }
}
