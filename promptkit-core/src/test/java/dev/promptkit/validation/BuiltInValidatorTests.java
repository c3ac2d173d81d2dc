/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class BuiltInValidatorTests {

    private final ValidatorRegistry registry = ValidatorRegistry.standard();

    private Verdict validate(String type, Map<String, Object> params, String text) {
        return registry.create(type, params).validate(text);
    }

    @Test
    void bannedWordsMatchWholeWordsIgnoringCase() {
        Map<String, Object> params = Map.of("words", List.of("darn", "heck"));

        assertThat(validate("banned_words", params, "Well, DARN it.").passed()).isFalse();
        assertThat(validate("banned_words", params, "darn").passed()).isFalse();
        assertThat(validate("banned_words", params, "The darnedest thing, what the hecking.").passed()).isTrue();
        Verdict verdict = validate("banned_words", params, "Heck, darn and darn again");
        assertThat(verdict.message()).isEqualTo("The text contains banned words: heck, darn");
        assertThat(verdict.details()).containsEntry("found", List.of("heck", "darn"))
                .containsEntry("match_mode", "word_boundary");
    }

    @Test
    void bannedWordsInSubstringModeMatchInsideWords() {
        Map<String, Object> params = Map.of("words", List.of("darn"), "match_mode", "substring");

        assertThat(validate("banned_words", params, "The darnedest thing").passed()).isFalse();
        assertThat(validate("banned_words", params, "Fine thing").passed()).isTrue();
    }

    @Test
    void bannedWordsTreatLettersOutsideAsciiAsPartOfAWord() {
        Map<String, Object> params = Map.of("words", List.of("café"));

        assertThat(validate("banned_words", params, "Un CAFÉ, merci").passed()).isFalse();
        assertThat(validate("banned_words", params, "cafés").passed()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = { "max_length", "length" })
    void maxLengthCountsCharactersUnderEveryParamAlias(String type) {
        for (String param : List.of("max_characters", "max_chars", "max")) {
            Map<String, Object> params = Map.of(param, 5);
            assertThat(validate(type, params, "12345").passed()).as(param).isTrue();
            Verdict tooLong = validate(type, params, "123456");
            assertThat(tooLong.passed()).as(param).isFalse();
            assertThat(tooLong.details()).containsEntry("characters", 6).containsEntry("max_characters", 5);
        }
    }

    @Test
    void maxLengthCountsTokensWithTheCharacterRatioEstimate() {
        Map<String, Object> params = Map.of("max_tokens", 2);

        assertThat(validate("max_length", params, "12345678").passed()).as("8 characters are 2 tokens").isTrue();
        Verdict verdict = validate("max_length", params, "123456789");
        assertThat(verdict.passed()).isFalse();
        assertThat(verdict.details()).containsEntry("tokens", 3).containsEntry("max_tokens", 2);
    }

    @Test
    void maxLengthUsesTheRegistrysTokenCounter() {
        ValidatorRegistry wordCounting = ValidatorRegistry.standard(text -> text == null || text.isBlank() ? 0
                : text.trim().split("\\s+").length);

        Validator validator = wordCounting.create("max_length", Map.of("max_tokens", 2));

        assertThat(validator.validate("one two").passed()).isTrue();
        assertThat(validator.validate("one two three").passed()).isFalse();
    }

    @Test
    void minLengthCountsCharactersUnderEveryParamAlias() {
        for (String param : List.of("min_characters", "min_chars", "min")) {
            Map<String, Object> params = Map.of(param, 3);
            assertThat(validate("min_length", params, "abc").passed()).as(param).isTrue();
            assertThat(validate("min_length", params, "ab").passed()).as(param).isFalse();
        }
        assertThat(validate("min_length", Map.of("min", 3), "").details()).containsEntry("characters", 0);
    }

    @Test
    void maxSentencesSplitsOnRunsOfSentencePunctuation() {
        Map<String, Object> params = Map.of("max_sentences", 2);

        assertThat(validate("max_sentences", params, "One. Two!").passed()).isTrue();
        assertThat(validate("max_sentences", params, "One... Two?!").passed()).isTrue();
        assertThat(validate("max_sentences", params, "No punctuation at all").passed()).isTrue();
        Verdict verdict = validate("max_sentences", params, "One. Two! Three?");
        assertThat(verdict.passed()).isFalse();
        assertThat(verdict.details()).containsEntry("sentences", 3);
    }

    @Test
    void requiredFieldsMustAllAppearIgnoringCaseUnderBothParamNames() {
        for (String param : List.of("required_fields", "fields")) {
            Map<String, Object> params = Map.of(param, List.of("Name", "email"));
            assertThat(validate("required_fields", params, "name: Ann, EMAIL: a@b.c").passed()).as(param).isTrue();
            Verdict verdict = validate("required_fields", params, "name: Ann");
            assertThat(verdict.passed()).as(param).isFalse();
            assertThat(verdict.details()).containsEntry("missing", List.of("email"));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = { "regex", "regex_match", "content_matches" })
    void regexMustMatchSomewhereByDefaultAndMustNotWithExpectMatchFalse(String type) {
        assertThat(validate(type, Map.of("pattern", "\\d{3}"), "call 555 now").passed()).isTrue();
        assertThat(validate(type, Map.of("pattern", "\\d{3}"), "call now").passed()).isFalse();

        Map<String, Object> mustNot = Map.of("pattern", "(?i)\\brouting number\\b", "expect_match", false);
        assertThat(validate(type, mustNot, "What is my balance?").passed()).isTrue();
        Verdict verdict = validate(type, mustNot, "What is my Routing Number?");
        assertThat(verdict.passed()).isFalse();
        assertThat(verdict.details()).containsEntry("expect_match", false);
    }

    @ParameterizedTest
    @ValueSource(strings = { "json_valid", "valid_json", "is_valid_json" })
    void jsonValidAcceptsOneJsonValue(String type) {
        assertThat(validate(type, Map.of(), " {\"a\": [1, 2]} ").passed()).isTrue();
        assertThat(validate(type, Map.of(), "42").passed()).isTrue();
        assertThat(validate(type, Map.of(), "{\"a\": 1").passed()).isFalse();
        assertThat(validate(type, Map.of(), "{\"a\": 1} trailing").passed()).isFalse();
        assertThat(validate(type, Map.of(), "").message()).isEqualTo("The text is not valid JSON: the text is empty");
    }

    @Test
    void jsonValidAcceptsAFencedBlockWithAllowWrappedOrExtractJson() {
        String fenced = "Here you are:\n```json\n{\"city\": \"Paris\"}\n```\nAnything else?";

        assertThat(validate("json_valid", Map.of(), fenced).passed()).isFalse();
        assertThat(validate("json_valid", Map.of("allow_wrapped", true), fenced).passed()).isTrue();
        assertThat(validate("json_valid", Map.of("extract_json", true), fenced).passed()).isTrue();
        assertThat(validate("json_valid", Map.of("allow_wrapped", true), "```\n[1, 2]\n```").passed()).isTrue();
        assertThat(validate("json_valid", Map.of("allow_wrapped", true), "```json\n{oops}\n```").passed()).isFalse();
    }

    @Test
    void extractJsonAlsoFindsJsonInProse() {
        String prose = "The result is {\"ok\": true}. Done.";

        assertThat(validate("json_valid", Map.of("allow_wrapped", true), prose).passed()).isFalse();
        assertThat(validate("json_valid", Map.of("extract_json", true), prose).passed()).isTrue();
    }

    @Test
    void jsonSchemaReportsEveryViolationWithItsJsonPointer() {
        Map<String, Object> schema = Map.of("type", "object", "required", List.of("name", "age"),
                "properties", Map.of("name", Map.of("type", "string"), "age", Map.of("type", "integer", "minimum", 0)));
        Validator validator = registry.create("json_schema", Map.of("schema", schema));

        assertThat(validator.validate("{\"name\": \"Ann\", \"age\": 7}").passed()).isTrue();
        Verdict verdict = validator.validate("{\"name\": 5, \"age\": -1}");
        assertThat(verdict.passed()).isFalse();
        assertThat(verdict.message()).isEqualTo("The JSON does not match the schema: /age: must have a minimum value "
                + "of 0 (and 1 more)");
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> violations = (List<Map<String, Object>>) verdict.details().get("violations");
        assertThat(violations).extracting(violation -> violation.get("pointer")).containsExactly("/age", "/name");
        assertThat(validator.validate("{\"name\": \"Ann\"}").details().get("violations").toString()).contains("age");
        assertThat(validator.validate("not json").message()).startsWith("The text is not valid JSON");
    }

    @Test
    void jsonSchemaUnwrapsAFenceWithAllowWrapped() {
        Validator validator = registry.create("json_schema",
                Map.of("schema", Map.of("type", "array"), "allow_wrapped", true));

        assertThat(validator.validate("```json\n[1]\n```").passed()).isTrue();
        assertThat(validator.validate("```json\n{}\n```").passed()).isFalse();
    }

    @Test
    void containsNeedsEveryPatternAndContainsAnyNeedsOneIgnoringCase() {
        Map<String, Object> params = Map.of("patterns", List.of("order", "refund"));

        assertThat(validate("contains", params, "Your ORDER and refund").passed()).isTrue();
        Verdict missing = validate("contains", params, "Your order");
        assertThat(missing.passed()).isFalse();
        assertThat(missing.details()).containsEntry("missing", List.of("refund"));
        assertThat(validate("contains_any", params, "Your Refund").passed()).isTrue();
        assertThat(validate("contains_any", params, "Hello").passed()).isFalse();
    }

    @Test
    void theGoOriginalsHandlerNamesWorkAsValidators() {
        assertThat(validate("content_excludes", Map.of("patterns", List.of("darn")), "Darnation").passed())
                .as("content_excludes matches substrings by default").isFalse();
        assertThat(validate("banned_words", Map.of("words", List.of("darn")), "Darnation").passed())
                .as("banned_words matches whole words by default").isTrue();
        assertThat(validate("content_not_includes", Map.of("patterns", List.of("x"), "match_mode", "word_boundary"),
                "box").passed()).isTrue();
        assertThat(validate("sentence_count", Map.of("max", 1), "One. Two.").passed()).isFalse();
        assertThat(validate("sentence_count", Map.of("max", 2), "One. Two.").passed()).isTrue();
        assertThat(validate("field_presence", Map.of("fields", List.of("city")), "{\"City\": 1}").passed()).isTrue();
        assertThat(validate("field_presence", Map.of("fields", List.of("zip")), "{\"city\": 1}").passed()).isFalse();
        assertThat(validate("content_includes", Map.of("patterns", List.of("a", "b")), "a").passed()).isFalse();
        assertThat(validate("content_includes_any", Map.of("patterns", List.of("a", "b")), "a").passed()).isTrue();
    }

    @Test
    void badParamsAreRejectedNamingTheParam() {
        assertThatThrownBy(() -> registry.create("banned_words", Map.of())).hasMessage("needs 'words' (or patterns)");
        assertThatThrownBy(() -> registry.create("banned_words", Map.of("words", List.of())))
                .hasMessageContaining("'words' (or patterns) must be a non-empty list of strings");
        assertThatThrownBy(() -> registry.create("banned_words", Map.of("words", List.of("a"), "match_mode", "fuzzy")))
                .hasMessageContaining("'match_mode' must be word_boundary or substring, got fuzzy");
        assertThatThrownBy(() -> registry.create("max_length", Map.of()))
                .hasMessage("needs 'max_characters' (or max_chars, max) or 'max_tokens'");
        assertThatThrownBy(() -> registry.create("max_length", Map.of("max_characters", 5, "max", 6)))
                .hasMessageContaining("give only one of 'max_characters' and 'max'");
        assertThatThrownBy(() -> registry.create("max_length", Map.of("max_characters", "500")))
                .hasMessageContaining("'max_characters' (or max_chars, max) must be a whole number");
        assertThatThrownBy(() -> registry.create("max_length", Map.of("max_characters", 0)))
                .hasMessageContaining("must be at least 1");
        assertThatThrownBy(() -> registry.create("max_sentences", Map.of("max_sentences", 2.5)))
                .hasMessageContaining("must be a whole number");
        assertThatThrownBy(() -> registry.create("regex", Map.of("pattern", "(unclosed")))
                .hasMessageContaining("'pattern' is not a valid regular expression");
        assertThatThrownBy(() -> registry.create("regex", Map.of("pattern", "a", "expect_match", "no")))
                .hasMessageContaining("'expect_match' must be true or false");
        assertThatThrownBy(() -> registry.create("json_schema", Map.of("schema", "object")))
                .hasMessageContaining("'schema' must be a JSON object");
        assertThatThrownBy(() -> registry.create("contains", Map.of("patterns", List.of("a", 1))))
                .hasMessageContaining("must hold only non-empty strings");
    }

    @Test
    void aParamNoValidatorReadsIsRejectedListingTheAcceptedOnes() {
        assertThatThrownBy(() -> registry.create("max_length", Map.of("max_charcters", 5, "max_tokens", 9)))
                .hasMessage("unknown params [max_charcters]; accepted: [max, max_characters, max_chars, max_tokens]");
    }

    @Test
    void anUnknownTypeListsTheKnownOnes() {
        assertThatThrownBy(() -> registry.create("pii_leakge", Map.of()))
                .hasMessageStartingWith("unknown validator type 'pii_leakge'; known types: banned_words, contains, contains_any, "
                        + "content_excludes, content_includes, content_includes_any, content_matches,")
                .hasMessageContaining("pii, pii_leakage");
    }
}
