/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.validation;

/**
 * {@code json_valid} (aliases {@code valid_json}, {@code is_valid_json}): fails unless the text is one JSON
 * value; {@code allow_wrapped} and {@code extract_json} accept JSON inside a code fence or prose
 * ({@link JsonExtraction}).
 */
final class JsonValidValidator implements Validator {

    private final JsonExtraction extraction;

    private JsonValidValidator(JsonExtraction extraction) {
        this.extraction = extraction;
    }

    static JsonValidValidator create(ValidatorParams params) {
        return new JsonValidValidator(JsonExtraction.from(params));
    }

    @Override
    public Verdict validate(String text) {
        JsonExtraction.Parsed parsed = extraction.parse(text);
        return parsed.error() == null ? Verdict.PASS : parsed.invalid();
    }
}
