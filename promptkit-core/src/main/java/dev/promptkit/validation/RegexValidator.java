/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.validation;

import java.util.Map;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * {@code regex} (aliases {@code regex_match}, {@code content_matches}): fails unless some part of the text
 * matches {@code pattern} (a {@link Pattern java.util.regex} expression), or, with {@code expect_match: false},
 * fails when some part does.
 */
final class RegexValidator implements Validator {

    private final Pattern pattern;
    private final boolean expectMatch;

    private RegexValidator(Pattern pattern, boolean expectMatch) {
        this.pattern = pattern;
        this.expectMatch = expectMatch;
    }

    static RegexValidator create(ValidatorParams params) {
        String expression = params.requiredString("pattern");
        boolean expectMatch = params.bool("expect_match", true);
        try {
            return new RegexValidator(Pattern.compile(expression), expectMatch);
        }
        catch (PatternSyntaxException ex) {
            throw new IllegalArgumentException("'pattern' is not a valid regular expression: "
                    + ex.getDescription() + " near index " + ex.getIndex() + " of " + expression, ex);
        }
    }

    @Override
    public Verdict validate(String text) {
        if (pattern.matcher(text).find() == expectMatch) {
            return Verdict.PASS;
        }
        String message = expectMatch ? "The text does not match /" + pattern + "/"
                : "The text matches /" + pattern + "/, which it must not";
        return Verdict.fail(message, Map.of("pattern", pattern.pattern(), "expect_match", expectMatch));
    }
}
