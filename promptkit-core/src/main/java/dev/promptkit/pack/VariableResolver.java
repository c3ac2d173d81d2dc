/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.pack;

import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * Works out the variables a prompt renders with, and checks them against the prompt's declarations.
 *
 * <p>Non-empty prompt defaults come first and {@code values} override them; values for variables the prompt does not
 * declare pass through unchecked. A default that is not a string (a number, an object, ...) becomes its JSON text,
 * and callers pass {@code object} and {@code array} values as JSON text too. Then, in declaration order: a required
 * variable must be present and non-empty; an optional variable that is missing or empty is not checked further;
 * any other value must fit the declared type ({@code number}, {@code integer}, {@code boolean}: {@code true} or
 * {@code false}, {@code object}, {@code array}; {@code string} and unknown types take any text) and every
 * {@code validation} rule. The first violation found is thrown.
 *
 * @since 0.1.0
 */
public final class VariableResolver {

    private VariableResolver() {
    }

    /**
     * The variables for rendering {@code prompt}: its defaults overlaid with {@code values}, as a new map the caller
     * owns.
     *
     * @throws VariableException if a required variable is missing or empty, or a value breaks its type or a rule
     */
    public static Map<String, String> resolve(Prompt prompt, Map<String, String> values) {
        Map<String, String> resolved = new LinkedHashMap<>();
        for (VariableDef def : prompt.variables()) {
            String fallback = text(def.defaultValue());
            if (!fallback.isEmpty()) {
                resolved.put(def.name(), fallback);
            }
        }
        values.forEach((name, value) -> {
            if (value != null) {
                resolved.put(name, value);
            }
        });
        for (VariableDef def : prompt.variables()) {
            check(def, resolved.get(def.name()));
        }
        return resolved;
    }

    private static void check(VariableDef def, String value) {
        if (value == null || value.isEmpty()) {
            if (def.required()) {
                throw new VariableException(def.name(), "required", "Variable '" + def.name()
                        + "' is required but " + (value == null ? "was not provided" : "is empty"));
            }
            return;
        }
        VariableConstraints.check(def, value);
    }

    private static String text(JsonNode value) {
        if (value == null || value.isNull() || value.isMissingNode()) {
            return "";
        }
        return value.isString() ? value.asString() : value.toString();
    }
}
