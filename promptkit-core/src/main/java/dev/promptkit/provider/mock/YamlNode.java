/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.provider.mock;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import tools.jackson.core.JsonPointer;
import tools.jackson.databind.JsonNode;

/**
 * A node of a {@link YamlDocument} together with where it sits ({@code path} reads like
 * {@code scenarios.support.turns.2.tool_calls[0]}). Accessors check the node's shape and fail with a
 * {@link MockScriptException} that points at it.
 */
record YamlNode(YamlDocument document, JsonNode value, JsonPointer pointer, String path) {

    /** Whether the key is missing or its value is empty ({@code key:} or {@code key: null}). */
    boolean isAbsent() {
        return value.isMissingNode() || value.isNull();
    }

    YamlNode get(String key) {
        return new YamlNode(document, value.path(key), pointer.appendProperty(key),
                path.isEmpty() ? key : path + "." + key);
    }

    /** The entries of a mapping, in document order; none when absent. */
    Map<String, YamlNode> entries() {
        Map<String, YamlNode> entries = new LinkedHashMap<>();
        if (!isAbsent()) {
            requireMapping();
            for (String key : value.propertyNames()) {
                entries.put(key, get(key));
            }
        }
        return entries;
    }

    /** The elements of a list, in order; none when absent. */
    List<YamlNode> elements() {
        List<YamlNode> elements = new ArrayList<>();
        if (isAbsent()) {
            return elements;
        }
        if (!value.isArray()) {
            throw error("expected a list, found " + kind());
        }
        for (int i = 0; i < value.size(); i++) {
            elements.add(new YamlNode(document, value.get(i), pointer.appendIndex(i), path + "[" + i + "]"));
        }
        return elements;
    }

    /** Checks that a present node is a mapping whose keys are all among {@code known}. */
    void requireKeys(List<String> known) {
        if (isAbsent()) {
            return;
        }
        requireMapping();
        for (String key : value.propertyNames()) {
            if (!known.contains(key)) {
                throw get(key).error("unknown key '" + key + "'; expected one of: " + String.join(", ", known));
            }
        }
    }

    /** The text of a required text value. */
    String text() {
        if (isAbsent()) {
            throw error("a value is required");
        }
        return optionalText();
    }

    /**
     * The text of an optional text value; {@code null} when absent. A number or boolean is taken as its text,
     * as the Go original's YAML library does for text fields.
     */
    String optionalText() {
        if (isAbsent()) {
            return null;
        }
        if (!value.isString() && !value.isNumber() && !value.isBoolean()) {
            throw error("expected text, found " + kind());
        }
        return value.asString();
    }

    MockScriptException error(String problem) {
        return document.error(this, problem);
    }

    /** What the value is, in YAML terms, for error messages. */
    String kind() {
        if (isAbsent()) {
            return "nothing";
        }
        return switch (value.getNodeType()) {
            case OBJECT -> "a mapping";
            case ARRAY -> "a list";
            case STRING -> "text";
            case BOOLEAN -> "a boolean";
            case NUMBER -> "a number";
            default -> value.getNodeType().name().toLowerCase(Locale.ROOT);
        };
    }

    private void requireMapping() {
        if (!value.isObject()) {
            throw error("expected a mapping, found " + kind());
        }
    }
}
