/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.pack;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * Checks that serialising a loaded {@link Pack} loses nothing of the document it came from.
 *
 * <p>The pack is serialised with a plain {@link JsonMapper} (so its own annotations must carry the format) and
 * compared with the original tree: every member of the original must be present with an equal value (numbers compare
 * by value, so {@code 5} equals {@code 5.0}; an explicit {@code null} equals absence), arrays must match element by
 * element, and a member only the serialised form has must hold a default the model adds: an empty collection, a
 * schema default listed in {@link #DEFAULTS}, or an object made only of such members (a default {@code tool_policy}).
 */
final class RoundTrip {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    /** The schema defaults the records fill in, by property name. */
    static final Map<String, JsonNode> DEFAULTS = Map.ofEntries(
            Map.entry("enabled", NODES.booleanNode(true)),
            Map.entry("fail_on_violation", NODES.booleanNode(false)),
            Map.entry("tool_choice", NODES.stringNode("auto")),
            Map.entry("max_rounds", NODES.numberNode(ToolPolicy.DEFAULT_MAX_ROUNDS)),
            Map.entry("max_tool_calls_per_turn", NODES.numberNode(ToolPolicy.DEFAULT_MAX_TOOL_CALLS_PER_TURN)),
            Map.entry("sample_percentage", NODES.numberNode(Eval.DEFAULT_SAMPLE_PERCENTAGE)),
            Map.entry("mode", NODES.stringNode(ArtifactDef.DEFAULT_MODE)),
            Map.entry("default_detail", NODES.stringNode(ImageConfig.DEFAULT_DETAIL)),
            Map.entry("extraction_mode", NODES.stringNode(DocumentConfig.DEFAULT_EXTRACTION_MODE)),
            Map.entry("input_modes", NODES.arrayNode().add("text/plain")),
            Map.entry("output_modes", NODES.arrayNode().add("text/plain")),
            Map.entry("preload", NODES.booleanNode(false)),
            Map.entry("terminal", NODES.booleanNode(false)),
            Map.entry("auto_populate", NODES.booleanNode(false)),
            Map.entry("require_caption", NODES.booleanNode(false)),
            Map.entry("require_metadata", NODES.booleanNode(false)));

    private RoundTrip() {
    }

    static JsonNode serialise(Pack pack) {
        return JsonMapper.shared().valueToTree(pack);
    }

    static void assertPreserves(JsonNode original, Pack pack) {
        List<String> differences = new ArrayList<>();
        compare("", original, serialise(pack), differences);
        assertThat(differences).as("differences between the pack document and the serialised Pack").isEmpty();
    }

    private static void compare(String at, JsonNode expected, JsonNode actual, List<String> differences) {
        if (expected.isNumber() && actual.isNumber()) {
            if (expected.decimalValue().compareTo(actual.decimalValue()) != 0) {
                differences.add(at + ": " + expected + " became " + actual);
            }
        }
        else if (expected.isObject() && actual.isObject()) {
            expected.properties().forEach(member -> {
                JsonNode value = actual.get(member.getKey());
                if (value == null && !member.getValue().isNull()) {
                    differences.add(at + "/" + member.getKey() + ": lost");
                }
                else if (value != null) {
                    compare(at + "/" + member.getKey(), member.getValue(), value, differences);
                }
            });
            actual.properties().forEach(member -> {
                if (!expected.has(member.getKey()) && !isDefault(member.getKey(), member.getValue())) {
                    differences.add(at + "/" + member.getKey() + ": added " + member.getValue());
                }
            });
        }
        else if (expected.isArray() && actual.isArray() && expected.size() == actual.size()) {
            for (int i = 0; i < expected.size(); i++) {
                compare(at + "/" + i, expected.get(i), actual.get(i), differences);
            }
        }
        else if (!expected.equals(actual)) {
            differences.add(at + ": " + expected + " became " + actual);
        }
    }

    private static boolean isDefault(String name, JsonNode value) {
        if (value.isContainer() && value.isEmpty()) {
            return true;
        }
        if (DEFAULTS.containsKey(name)) {
            JsonNode fallback = DEFAULTS.get(name);
            return fallback.equals(value) || (fallback.isNumber() && value.isNumber()
                    && fallback.decimalValue().compareTo(value.decimalValue()) == 0);
        }
        return value.isObject() && value.properties().stream().allMatch(m -> isDefault(m.getKey(), m.getValue()));
    }
}
