/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.validation;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code required_fields}: fails unless every one of {@code required_fields} (alias {@code fields}) appears in
 * the text, ignoring case.
 */
final class RequiredFieldsValidator implements Validator {

    private final List<String> fields;

    private RequiredFieldsValidator(List<String> fields) {
        this.fields = fields;
    }

    static RequiredFieldsValidator create(ValidatorParams params) {
        return new RequiredFieldsValidator(params.requiredStrings("required_fields", "fields"));
    }

    @Override
    public Verdict validate(String text) {
        String lowerCase = text.toLowerCase(Locale.ROOT);
        List<String> missing = fields.stream()
                .filter(field -> !lowerCase.contains(field.toLowerCase(Locale.ROOT))).toList();
        return missing.isEmpty() ? Verdict.PASS
                : Verdict.fail("The text lacks required fields: " + String.join(", ", missing),
                        Map.of("missing", missing));
    }
}
