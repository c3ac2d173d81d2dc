/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.pack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.InstanceOfAssertFactories.type;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;

/** {@link VariableResolver}: defaults, required variables, declared types and validation rules. */
class VariableResolverTests {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    @Test
    void laysValuesOverNonEmptyDefaults() {
        Prompt prompt = prompt(
                variable("tone", "string", false, NODES.stringNode("formal"), null),
                variable("style", "string", false, NODES.stringNode(""), null),
                variable("limit", "number", false, NODES.numberNode(3), null),
                variable("options", "object", false, NODES.objectNode().put("x", true), null),
                variable("absent", "string", false, null, null));

        Map<String, String> resolved = VariableResolver.resolve(prompt, Map.of("tone", "casual", "extra", "kept"));

        assertThat(resolved).containsExactlyInAnyOrderEntriesOf(Map.of(
                "tone", "casual", "limit", "3", "options", "{\"x\":true}", "extra", "kept"));
        assertThatCode(() -> resolved.put("caller", "owns it")).doesNotThrowAnyException();
    }

    @Test
    void acceptsTheDefaultsOfARealPack() {
        Pack pack = PackLoader.loadResource("packs/variables-assistant.pack.json");
        Prompt prompt = pack.prompt("assistant").orElseThrow();

        assertThat(VariableResolver.resolve(prompt, Map.of())).containsEntry("user_language", "English").hasSize(8);
    }

    @Test
    void reportsAMissingRequiredVariable() {
        Prompt prompt = prompt(variable("user_name", "string", true, null, null));

        assertThatThrownBy(() -> VariableResolver.resolve(prompt, Map.of()))
                .isInstanceOf(VariableException.class)
                .hasMessage("Variable 'user_name' is required but was not provided")
                .asInstanceOf(type(VariableException.class))
                .satisfies(ex -> {
                    assertThat(ex.variable()).isEqualTo("user_name");
                    assertThat(ex.rule()).isEqualTo("required");
                });
    }

    @Test
    void reportsAnEmptyRequiredVariable() {
        Prompt prompt = prompt(variable("user_name", "string", true, null, null));

        assertThatThrownBy(() -> VariableResolver.resolve(prompt, Map.of("user_name", "")))
                .isInstanceOf(VariableException.class)
                .hasMessage("Variable 'user_name' is required but is empty");
    }

    @Test
    void skipsTheRulesOfAnEmptyOptionalVariable() {
        Prompt prompt = prompt(variable("age", "number", false, null, rules("min_length", 2, "minimum", 18)));

        assertThat(VariableResolver.resolve(prompt, Map.of("age", ""))).containsEntry("age", "");
    }

    @Test
    void enforcesThePattern() {
        Prompt prompt = prompt(variable("zip", "string", true, null, rules("pattern", "^\\d{5}$")));

        assertThat(VariableResolver.resolve(prompt, Map.of("zip", "75001"))).containsEntry("zip", "75001");
        assertViolation(prompt, "zip", "1234", "pattern",
                "Variable 'zip' violates pattern: must match ^\\d{5}$, got \"1234\"");
    }

    @Test
    void enforcesLengthsInCharactersNotUtf16Units() {
        Prompt prompt = prompt(variable("nick", "string", true, null, rules("min_length", 2, "max_length", 3)));

        assertThatCode(() -> VariableResolver.resolve(prompt, Map.of("nick", "😀😀😀"))).doesNotThrowAnyException();
        assertViolation(prompt, "nick", "a", "min_length",
                "Variable 'nick' violates min_length: must have at least 2 characters, got \"a\"");
        assertViolation(prompt, "nick", "abcd", "max_length",
                "Variable 'nick' violates max_length: must have at most 3 characters, got \"abcd\"");
    }

    @Test
    void enforcesNumericBounds() {
        Prompt prompt = prompt(variable("age", "number", true, null, rules("minimum", 18, "maximum", 120.5)));

        assertThatCode(() -> VariableResolver.resolve(prompt, Map.of("age", "120.5"))).doesNotThrowAnyException();
        assertViolation(prompt, "age", "17.99", "minimum",
                "Variable 'age' violates minimum: must be a number of at least 18, got \"17.99\"");
        assertViolation(prompt, "age", "1e3", "maximum",
                "Variable 'age' violates maximum: must be a number of at most 120.5, got \"1e3\"");
    }

    @Test
    void enforcesBoundsOnAStringTypedVariableToo() {
        Prompt prompt = prompt(variable("count", "string", true, null, rules("minimum", 1)));

        assertViolation(prompt, "count", "many", "minimum",
                "Variable 'count' violates minimum: must be a number of at least 1, got \"many\"");
    }

    @Test
    void enforcesTheEnumForStringsAndNumbers() {
        Prompt prompt = prompt(
                variable("tone", "string", true, null, rules("enum", List.of("formal", "casual"))),
                variable("level", "number", true, null, rules("enum", List.of(1, 2.5))));

        assertThat(VariableResolver.resolve(prompt, Map.of("tone", "casual", "level", "2.50")))
                .containsEntry("level", "2.50");
        assertThatThrownBy(() -> VariableResolver.resolve(prompt, Map.of("tone", "rude", "level", "1")))
                .hasMessage("Variable 'tone' violates enum: must be one of [\"formal\", \"casual\"], got \"rude\"");
        assertThatThrownBy(() -> VariableResolver.resolve(prompt, Map.of("tone", "formal", "level", "3")))
                .hasMessage("Variable 'level' violates enum: must be one of [1, 2.5], got \"3\"");
    }

    @Test
    void enforcesDeclaredTypes() {
        assertViolation(prompt(variable("n", "number", true, null, null)), "n", "12abc", "type",
                "Variable 'n' violates type: must be a number, got \"12abc\"");
        assertViolation(prompt(variable("i", "integer", true, null, null)), "i", "1.5", "type",
                "Variable 'i' violates type: must be an integer, got \"1.5\"");
        assertViolation(prompt(variable("b", "boolean", true, null, null)), "b", "yes", "type",
                "Variable 'b' violates type: must be true or false, got \"yes\"");
        assertViolation(prompt(variable("o", "object", true, null, null)), "o", "[1]", "type",
                "Variable 'o' violates type: must be a JSON object, got \"[1]\"");
        assertViolation(prompt(variable("a", "array", true, null, null)), "a", "{\"x\": 1} trailing", "type",
                "Variable 'a' violates type: must be a JSON array, got \"{\\\"x\\\": 1} trailing\"");

        Prompt typed = prompt(variable("n", "number", true, null, null), variable("i", "integer", true, null, null),
                variable("b", "boolean", true, null, null), variable("o", "object", true, null, null),
                variable("a", "array", true, null, null), variable("c", "custom_type", true, null, null));
        assertThatCode(() -> VariableResolver.resolve(typed, Map.of("n", "-2.5e-3", "i", "40", "b", "false",
                "o", "{\"k\": [1, 2]}", "a", "[\"x\"]", "c", "anything"))).doesNotThrowAnyException();
    }

    @Test
    void shortensALongOffendingValue() {
        Prompt prompt = prompt(variable("code", "string", true, null, rules("max_length", 5)));
        String value = "x".repeat(100) + "\n";

        assertViolation(prompt, "code", value, "max_length", "Variable 'code' violates max_length: must have at most 5 "
                + "characters, got \"" + "x".repeat(60) + "\"... (101 characters)");
    }

    @Test
    void checksDefaultsLikeValues() {
        Prompt prompt = prompt(variable("tier", "number", false, NODES.stringNode("gold"), null));

        assertThatThrownBy(() -> VariableResolver.resolve(prompt, Map.of()))
                .hasMessage("Variable 'tier' violates type: must be a number, got \"gold\"");
    }

    private static void assertViolation(Prompt prompt, String name, String value, String rule, String message) {
        assertThatThrownBy(() -> VariableResolver.resolve(prompt, Map.of(name, value)))
                .isInstanceOf(VariableException.class)
                .hasMessage(message)
                .asInstanceOf(type(VariableException.class))
                .satisfies(ex -> {
                    assertThat(ex.variable()).isEqualTo(name);
                    assertThat(ex.rule()).isEqualTo(rule);
                });
    }

    private static Prompt prompt(VariableDef... variables) {
        return new Prompt("p", "P", null, "1.0.0", "template", Arrays.asList(variables), null, null, null, null, null,
                null, null, null, null);
    }

    private static VariableDef variable(String name, String type, boolean required, JsonNode defaultValue,
            VariableValidation validation) {
        return new VariableDef(name, type, required, defaultValue, null, null, validation, null);
    }

    /** Validation rules from key/value pairs, e.g. {@code rules("minimum", 1, "maximum", 5)}. */
    private static VariableValidation rules(Object... pairs) {
        Map<String, Object> map = new HashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put((String) pairs[i], pairs[i + 1]);
        }
        return new VariableValidation((String) map.get("pattern"), (Integer) map.get("min_length"),
                (Integer) map.get("max_length"), decimal(map.get("minimum")), decimal(map.get("maximum")),
                map.containsKey("enum") ? ((List<?>) map.get("enum")).stream().map(VariableResolverTests::node).toList()
                        : null);
    }

    private static BigDecimal decimal(Object number) {
        return number == null ? null : new BigDecimal(number.toString());
    }

    private static JsonNode node(Object value) {
        return value instanceof String text ? NODES.stringNode(text) : NODES.numberNode(decimal(value));
    }
}
