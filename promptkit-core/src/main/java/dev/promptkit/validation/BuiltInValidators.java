/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.validation;

import dev.promptkit.tokens.TokenCounter;
import java.util.LinkedHashMap;
import java.util.Map;

/** The validator types PromptKit knows without plugins, under the names and aliases packs use. */
final class BuiltInValidators implements ValidatorLibrary {

    private final TokenCounter tokens;

    BuiltInValidators(TokenCounter tokens) {
        this.tokens = tokens;
    }

    @Override
    public Map<String, ValidatorFactory> validators() {
        Map<String, ValidatorFactory> factories = new LinkedHashMap<>();
        factories.put("banned_words", BannedWordsValidator::create);
        ValidatorFactory maxLength = params -> MaxLengthValidator.create(params, tokens);
        factories.put("max_length", maxLength);
        factories.put("length", maxLength);
        factories.put("min_length", MinLengthValidator::create);
        factories.put("max_sentences", MaxSentencesValidator::create);
        factories.put("required_fields", RequiredFieldsValidator::create);
        factories.put("regex", RegexValidator::create);
        factories.put("regex_match", RegexValidator::create);
        factories.put("content_matches", RegexValidator::create);
        factories.put("json_valid", JsonValidValidator::create);
        factories.put("valid_json", JsonValidValidator::create);
        factories.put("is_valid_json", JsonValidValidator::create);
        factories.put("json_schema", JsonSchemaValidator::create);
        factories.put("contains", ContainsValidator::all);
        factories.put("contains_any", ContainsValidator::any);
        return factories;
    }
}
