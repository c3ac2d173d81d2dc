/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.validation;

import dev.promptkit.tokens.TokenCounter;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The validator types PromptKit knows without plugins, under the names and aliases packs use (the aliases of the
 * Go original's eval handler registry included, such as {@code content_excludes} and {@code field_presence}).
 */
final class BuiltInValidators implements ValidatorLibrary {

    private final TokenCounter tokens;

    BuiltInValidators(TokenCounter tokens) {
        this.tokens = tokens;
    }

    @Override
    public Map<String, ValidatorFactory> validators() {
        Map<String, ValidatorFactory> factories = new LinkedHashMap<>();
        factories.put("banned_words", params -> BannedWordsValidator.create(params, BannedWordsValidator.WORD_BOUNDARY));
        factories.put("content_excludes", params -> BannedWordsValidator.create(params, BannedWordsValidator.SUBSTRING));
        factories.put("content_not_includes",
                params -> BannedWordsValidator.create(params, BannedWordsValidator.SUBSTRING));
        ValidatorFactory maxLength = params -> MaxLengthValidator.create(params, tokens);
        factories.put("max_length", maxLength);
        factories.put("length", maxLength);
        factories.put("min_length", MinLengthValidator::create);
        factories.put("max_sentences", MaxSentencesValidator::create);
        factories.put("sentence_count", MaxSentencesValidator::create);
        factories.put("required_fields", RequiredFieldsValidator::create);
        factories.put("field_presence", RequiredFieldsValidator::create);
        factories.put("regex", RegexValidator::create);
        factories.put("regex_match", RegexValidator::create);
        factories.put("content_matches", RegexValidator::create);
        factories.put("json_valid", JsonValidValidator::create);
        factories.put("valid_json", JsonValidValidator::create);
        factories.put("is_valid_json", JsonValidValidator::create);
        factories.put("json_schema", JsonSchemaValidator::create);
        factories.put("contains", ContainsValidator::all);
        factories.put("content_includes", ContainsValidator::all);
        factories.put("contains_any", ContainsValidator::any);
        factories.put("content_includes_any", ContainsValidator::any);
        return factories;
    }
}
