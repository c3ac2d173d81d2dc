/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.pack;

import java.math.BigDecimal;
import java.util.List;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import tools.jackson.core.JacksonException;
import tools.jackson.core.io.JsonStringEncoder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeType;

/**
 * Checks one variable value against its declared type and {@code validation} rules, throwing
 * {@link VariableException}.
 */
final class VariableConstraints {

    /** Offending values longer than this are shortened in messages. */
    private static final int MAX_QUOTED_LENGTH = 60;

    private static final int MAX_NUMBER_LENGTH = 1000;

    private VariableConstraints() {
    }

    static void check(VariableDef def, String value) {
        checkType(def, value);
        VariableValidation rules = def.validation();
        if (rules != null) {
            checkPattern(def, rules.pattern(), value);
            checkLength(def, rules, value);
            checkBounds(def, rules, value);
            checkEnum(def, rules.enumValues(), value);
        }
    }

    private static void checkType(VariableDef def, String value) {
        String type = def.type() == null ? "string" : def.type();
        switch (type) {
            case "number" -> require(def, "type", number(value) != null, "must be a number", value);
            case "integer" -> require(def, "type", isInteger(number(value)), "must be an integer", value);
            case "boolean" -> require(def, "type", "true".equals(value) || "false".equals(value),
                    "must be true or false", value);
            case "object" -> require(def, "type", isJson(value, JsonNodeType.OBJECT), "must be a JSON object", value);
            case "array" -> require(def, "type", isJson(value, JsonNodeType.ARRAY), "must be a JSON array", value);
            default -> {
                // "string" and runtime-defined types take any text.
            }
        }
    }

    private static void checkPattern(VariableDef def, String pattern, String value) {
        if (pattern == null) {
            return;
        }
        boolean matches;
        try {
            matches = Pattern.compile(pattern).matcher(value).find();
        }
        catch (PatternSyntaxException ex) {
            throw new VariableException(def.name(), "pattern",
                    "Variable '" + def.name() + "' has an invalid pattern " + pattern + ": " + ex.getDescription());
        }
        require(def, "pattern", matches, "must match " + pattern, value);
    }

    private static void checkLength(VariableDef def, VariableValidation rules, String value) {
        int length = value.codePointCount(0, value.length());
        if (rules.minLength() != null) {
            require(def, "min_length", length >= rules.minLength(),
                    "must have at least " + rules.minLength() + " characters", value);
        }
        if (rules.maxLength() != null) {
            require(def, "max_length", length <= rules.maxLength(),
                    "must have at most " + rules.maxLength() + " characters", value);
        }
    }

    private static void checkBounds(VariableDef def, VariableValidation rules, String value) {
        if (rules.minimum() != null) {
            BigDecimal number = number(value);
            require(def, "minimum", number != null && number.compareTo(rules.minimum()) >= 0,
                    "must be a number of at least " + rules.minimum().toPlainString(), value);
        }
        if (rules.maximum() != null) {
            BigDecimal number = number(value);
            require(def, "maximum", number != null && number.compareTo(rules.maximum()) <= 0,
                    "must be a number of at most " + rules.maximum().toPlainString(), value);
        }
    }

    private static void checkEnum(VariableDef def, List<JsonNode> allowed, String value) {
        if (allowed.isEmpty()) {
            return;
        }
        boolean listed = allowed.stream().anyMatch(item -> matches(item, value));
        require(def, "enum", listed, "must be one of " + allowed, value);
    }

    /** Whether {@code value}, as the text a caller passes, stands for the JSON value {@code item}. */
    private static boolean matches(JsonNode item, String value) {
        if (item.isString()) {
            return item.asString().equals(value);
        }
        if (item.isNumber()) {
            BigDecimal number = number(value);
            return number != null && number.compareTo(item.decimalValue()) == 0;
        }
        if (item.isBoolean() || item.isNull()) {
            return item.toString().equals(value);
        }
        return item.equals(json(value));
    }

    private static void require(VariableDef def, String rule, boolean holds, String expectation, String value) {
        if (!holds) {
            throw new VariableException(def.name(), rule, "Variable '" + def.name() + "' violates " + rule + ": "
                    + expectation + ", got " + quote(value));
        }
    }

    /** The number {@code value} spells, or {@code null}; over-long digit strings are refused rather than parsed. */
    private static BigDecimal number(String value) {
        if (value.length() > MAX_NUMBER_LENGTH) {
            return null;
        }
        try {
            return new BigDecimal(value);
        }
        catch (NumberFormatException ex) {
            return null;
        }
    }

    private static boolean isInteger(BigDecimal number) {
        return number != null && number.stripTrailingZeros().scale() <= 0;
    }

    private static boolean isJson(String value, JsonNodeType type) {
        JsonNode node = json(value);
        return node != null && node.getNodeType() == type;
    }

    private static JsonNode json(String value) {
        try {
            return PackJson.MAPPER.readTree(value);
        }
        catch (JacksonException ex) {
            return null;
        }
    }

    /** The value as a JSON string literal, shortened to {@value #MAX_QUOTED_LENGTH} characters. */
    private static String quote(String value) {
        if (value.length() <= MAX_QUOTED_LENGTH) {
            return literal(value);
        }
        int cut = Character.isHighSurrogate(value.charAt(MAX_QUOTED_LENGTH - 1)) ? MAX_QUOTED_LENGTH - 1
                : MAX_QUOTED_LENGTH;
        return literal(value.substring(0, cut)) + "... (" + value.length() + " characters)";
    }

    private static String literal(String text) {
        return "\"" + new String(JsonStringEncoder.getInstance().quoteAsCharArray(text)) + "\"";
    }
}
