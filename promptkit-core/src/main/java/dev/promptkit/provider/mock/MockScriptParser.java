/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.provider.mock;

import dev.promptkit.provider.mock.MockTurn.Type;
import dev.promptkit.types.ContentPart;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import tools.jackson.databind.node.ObjectNode;

/**
 * Reads the YAML of a {@link MockScript} (the format is documented there). Keys the Go original knows but
 * this port does not use ({@code selfplay}, {@code steps}, the duplex {@code audio_*} fields) are accepted
 * and ignored, so that Go files load unchanged; any other unknown key is an error.
 */
final class MockScriptParser {

    private static final List<String> SCRIPT_KEYS =
            List.of("defaultResponse", "scenarios", "turns", "rules", "selfplay", "duplex");
    private static final List<String> DUPLEX_KEYS = List.of("input_transcript", "response_text", "audio");
    private static final List<String> DUPLEX_SOUNDS = List.of("tone", "silence");
    private static final List<String> SCENARIO_KEYS = List.of("defaultResponse", "turns", "steps");
    private static final List<String> CONTENT_KEYS = List.of("content", "text", "response");
    private static final List<String> TURN_KEYS = List.of("type", "content", "text", "response", "tool_calls",
            "parts", "reasoning", "audio_file", "audio_sample_rate", "audio_mime_type");
    private static final List<String> TOOL_CALL_KEYS = List.of("name", "arguments");
    private static final List<String> RULE_KEYS = List.of("match", "response", "after_tools");
    private static final List<String> BRANCH_KEYS = List.of("when", "response");
    private static final List<String> CONDITION_KEYS = List.of("tool", "outcome", "result");

    private MockScriptParser() {
    }

    static MockScript parse(String yaml, String source) {
        YamlNode root = YamlDocument.read(yaml, source).root();
        if (root.isAbsent()) {
            return MockScript.EMPTY;
        }
        root.requireKeys(SCRIPT_KEYS);
        return new MockScript(defaultTurn(root), scenarios(root.get("scenarios")), rules(root.get("rules")),
                turns(root.get("turns")), duplex(root.get("duplex")));
    }

    private static MockDuplexScript duplex(YamlNode node) {
        if (node.isAbsent()) {
            return MockDuplexScript.DEFAULTS;
        }
        node.requireKeys(DUPLEX_KEYS);
        String responseText = node.get("response_text").optionalText();
        YamlNode audio = node.get("audio");
        String sound = audio.isAbsent() ? "tone" : audio.text();
        if (!DUPLEX_SOUNDS.contains(sound)) {
            throw audio.error("unknown audio '" + sound + "'; expected one of: " + String.join(", ", DUPLEX_SOUNDS));
        }
        return new MockDuplexScript(node.get("input_transcript").optionalText(),
                responseText != null ? responseText : MockDuplexScript.DEFAULT_RESPONSE_TEXT, sound.equals("tone"));
    }

    private static MockTurn defaultTurn(YamlNode owner) {
        String text = owner.get("defaultResponse").optionalText();
        return text == null || text.isEmpty() ? null : MockTurn.ofText(text);
    }

    private static Map<String, MockScenario> scenarios(YamlNode node) {
        Map<String, MockScenario> scenarios = new LinkedHashMap<>();
        node.entries().forEach((id, scenario) -> {
            scenario.requireKeys(SCENARIO_KEYS);
            scenarios.put(id, new MockScenario(defaultTurn(scenario), turns(scenario.get("turns"))));
        });
        return scenarios;
    }

    private static Map<Integer, MockTurn> turns(YamlNode node) {
        Map<Integer, MockTurn> turns = new LinkedHashMap<>();
        if (node.value().isArray()) {
            List<YamlNode> elements = node.elements();
            for (int i = 0; i < elements.size(); i++) {
                turns.put(i + 1, turn(elements.get(i)));
            }
        }
        else if (node.isAbsent() || node.value().isObject()) {
            node.entries().forEach((key, turn) -> turns.put(turnNumber(key, turn), turn(turn)));
        }
        else {
            throw node.error("expected a list (turn 1 first) or a mapping keyed by turn number, found " + node.kind());
        }
        return turns;
    }

    private static int turnNumber(String key, YamlNode turn) {
        int number;
        try {
            number = Integer.parseInt(key.trim());
        }
        catch (NumberFormatException notANumber) {
            number = 0;
        }
        if (number < 1) {
            throw turn.error("turn key '" + key + "' is not a turn number (1, 2, 3, ...)");
        }
        return number;
    }

    private static MockTurn turn(YamlNode node) {
        if (node.value().isString()) {
            return MockTurn.ofText(node.value().stringValue());
        }
        if (!node.value().isObject()) {
            throw node.error("expected text or a mapping (type, content, tool_calls, parts), found " + node.kind());
        }
        node.requireKeys(TURN_KEYS);
        List<MockToolCall> toolCalls = node.get("tool_calls").elements().stream()
                .map(MockScriptParser::toolCall)
                .toList();
        List<ContentPart> parts = node.get("parts").elements().stream().map(MockPartParser::part).toList();
        YamlNode reasoning = node.get("reasoning");
        return new MockTurn(type(node.get("type"), toolCalls, parts), content(node), toolCalls, parts,
                reasoning.isAbsent() ? "" : reasoning.text());
    }

    /** The first of {@code content}, {@code text} and {@code response} (the Go original's legacy name). */
    private static String content(YamlNode turn) {
        for (String key : CONTENT_KEYS) {
            YamlNode content = turn.get(key);
            if (!content.isAbsent()) {
                return content.text();
            }
        }
        return "";
    }

    private static Type type(YamlNode node, List<MockToolCall> toolCalls, List<ContentPart> parts) {
        String declared = node.optionalText();
        if (declared == null) {
            return !toolCalls.isEmpty() ? Type.TOOL_CALLS : parts.isEmpty() ? Type.TEXT : Type.MULTIMODAL;
        }
        for (Type type : Type.values()) {
            if (type.wireName().equals(declared)) {
                if (type == Type.TOOL_CALLS && toolCalls.isEmpty()) {
                    throw node.error("type tool_calls needs at least one entry in tool_calls");
                }
                return type == Type.TEXT && !toolCalls.isEmpty() ? Type.TOOL_CALLS : type;
            }
        }
        throw node.error("unknown turn type '" + declared + "'; expected one of: text, tool_calls, multimodal");
    }

    private static MockToolCall toolCall(YamlNode node) {
        if (node.isAbsent()) {
            throw node.error("expected a mapping with a name, found nothing");
        }
        node.requireKeys(TOOL_CALL_KEYS);
        YamlNode name = node.get("name");
        if (name.text().isBlank()) {
            throw name.error("the tool name must not be blank");
        }
        YamlNode arguments = node.get("arguments");
        if (arguments.isAbsent()) {
            return new MockToolCall(name.text(), null);
        }
        if (!arguments.value().isObject()) {
            throw arguments.error("expected a mapping of argument names to values, found " + arguments.kind());
        }
        return new MockToolCall(name.text(), (ObjectNode) arguments.value());
    }

    private static List<MockRule> rules(YamlNode node) {
        return node.elements().stream().map(MockScriptParser::rule).toList();
    }

    private static MockRule rule(YamlNode node) {
        if (node.isAbsent()) {
            throw node.error("expected a mapping with match and response, found nothing");
        }
        node.requireKeys(RULE_KEYS);
        YamlNode match = node.get("match");
        if (match.isAbsent()) {
            throw node.error("a rule needs a match");
        }
        return new MockRule(pattern(match), turn(node.get("response")), branches(node.get("after_tools")));
    }

    /** The regular expression of a {@code match} or {@code result}, found case-insensitively; null when absent. */
    private static Pattern pattern(YamlNode node) {
        if (node.isAbsent()) {
            return null;
        }
        try {
            return Pattern.compile(node.text(), Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
        }
        catch (PatternSyntaxException invalid) {
            throw node.error("invalid regular expression: " + invalid.getDescription() + " near index "
                    + invalid.getIndex() + " of '" + invalid.getPattern() + "'");
        }
    }

    /** A turn (answered always), or a list of branches: {@code {when: {...}, response: ...}}. */
    private static List<MockBranch> branches(YamlNode node) {
        if (node.isAbsent()) {
            return List.of();
        }
        if (!node.value().isArray()) {
            return List.of(MockBranch.always(turn(node)));
        }
        return node.elements().stream().map(MockScriptParser::branch).toList();
    }

    private static MockBranch branch(YamlNode node) {
        if (!node.value().isObject()) {
            throw node.error("expected a branch mapping (when, response), found " + node.kind());
        }
        node.requireKeys(BRANCH_KEYS);
        YamlNode response = node.get("response");
        if (response.isAbsent()) {
            throw node.error("a branch needs a response");
        }
        YamlNode when = node.get("when");
        return new MockBranch(when.isAbsent() ? null : condition(when), turn(response));
    }

    private static MockToolResultCondition condition(YamlNode node) {
        if (!node.value().isObject()) {
            throw node.error("expected a mapping of tool, outcome and result, found " + node.kind());
        }
        node.requireKeys(CONDITION_KEYS);
        YamlNode outcome = node.get("outcome");
        return new MockToolResultCondition(node.get("tool").optionalText(),
                outcome.isAbsent() ? null : outcome(outcome), pattern(node.get("result")));
    }

    private static MockToolResultCondition.Outcome outcome(YamlNode node) {
        for (MockToolResultCondition.Outcome outcome : MockToolResultCondition.Outcome.values()) {
            if (outcome.scriptName().equals(node.text())) {
                return outcome;
            }
        }
        throw node.error("unknown outcome '" + node.text() + "'; expected one of: success, error, rejected");
    }
}
