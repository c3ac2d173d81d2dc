/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.provider.mock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import dev.promptkit.PromptKitException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.assertj.core.api.ThrowableAssertAlternative;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MockScriptErrorTest {

    private static ThrowableAssertAlternative<MockScriptException> parsing(String yaml) {
        return assertThatExceptionOfType(MockScriptException.class).isThrownBy(() -> MockScript.parse(yaml));
    }

    @Test
    void malformedYamlNamesTheLineAndColumn() {
        parsing("""
                turns:
                  - first
                 - second
                """)
                .satisfies(error -> {
                    assertThat(error.source()).isEqualTo("<string>");
                    assertThat(error.location()).isEqualTo("line 3, column 2");
                })
                .withMessageStartingWith("Invalid mock script <string> at line 3, column 2: ");
    }

    @Test
    void duplicateKeysAreAnError() {
        parsing("""
                defaultResponse: one
                defaultResponse: two
                """)
                .withMessageContaining("at line 2, column ")
                .withMessageContaining("Duplicate")
                .withMessageContaining("defaultResponse");
    }

    @Test
    void unknownKeysAreNamedWithTheKeysExpected() {
        parsing("""
                defaultRespone: Hello
                """)
                .withMessage("Invalid mock script <string> at defaultRespone (line 1, column 1): unknown key"
                        + " 'defaultRespone'; expected one of: defaultResponse, scenarios, turns, rules, selfplay,"
                        + " duplex");
    }

    @Test
    void theDuplexSectionTakesATranscriptAnAnswerAndToneOrSilence() {
        MockScript script = MockScript.parse("""
                duplex:
                  input_transcript: "Hello?"
                  audio: silence
                """);

        assertThat(script.duplex()).isEqualTo(new MockDuplexScript("Hello?", MockDuplexScript.DEFAULT_RESPONSE_TEXT,
                false));
        assertThat(MockScript.EMPTY.duplex()).isEqualTo(MockDuplexScript.DEFAULTS);
        parsing("""
                duplex:
                  audio: music
                """)
                .withMessageContaining("at duplex.audio")
                .withMessageContaining("unknown audio 'music'; expected one of: tone, silence");
    }

    @Test
    void aTurnKeyMustBeANumberFromOne() {
        parsing("""
                scenarios:
                  support:
                    turns:
                      1: fine
                      first: not fine
                """)
                .withMessage("Invalid mock script <string> at scenarios.support.turns.first (line 5, column 7):"
                        + " turn key 'first' is not a turn number (1, 2, 3, ...)");
        parsing("turns: {0: zero}").withMessageContaining("turns.0 (line 1, column 9)")
                .withMessageEndingWith("turn key '0' is not a turn number (1, 2, 3, ...)");
    }

    @Test
    void aTurnMustBeTextOrAMapping() {
        parsing("""
                turns:
                  - hello
                  - 42
                """)
                .withMessage("Invalid mock script <string> at turns[1] (line 3, column 5): expected text or a"
                        + " mapping (type, content, tool_calls, parts), found a number");
        parsing("turns: plain text").withMessageEndingWith(
                "expected a list (turn 1 first) or a mapping keyed by turn number, found text");
    }

    @Test
    void toolCallsNeedANameAndMappedArguments() {
        parsing("""
                turns:
                  - tool_calls:
                      - arguments: {city: Paris}
                """)
                .withMessage("Invalid mock script <string> at turns[0].tool_calls[0].name: a value is required");
        parsing("""
                turns:
                  - tool_calls:
                      - name: get_weather
                        arguments: [Paris]
                """)
                .withMessage("Invalid mock script <string> at turns[0].tool_calls[0].arguments (line 4, column 9):"
                        + " expected a mapping of argument names to values, found a list");
        parsing("turns: [{tool_calls: [{name: \"  \"}]}]")
                .withMessageEndingWith("the tool name must not be blank");
        parsing("turns: [{tool_calls: {name: ping}}]")
                .withMessageEndingWith("turns[0].tool_calls (line 1, column 10): expected a list, found a mapping");
    }

    @Test
    void turnTypesAreChecked() {
        parsing("turns: [{type: image, content: x}]")
                .withMessageEndingWith("unknown turn type 'image'; expected one of: text, tool_calls, multimodal");
        parsing("turns: [{type: tool_calls, content: x}]")
                .withMessageEndingWith("type tool_calls needs at least one entry in tool_calls");
        parsing("turns: [{content: x, tools: []}]")
                .withMessageContaining("turns[0].tools")
                .withMessageContaining("unknown key 'tools'");
    }

    @Test
    void partsAreChecked() {
        parsing("turns: [{parts: [{type: gif, text: x}]}]")
                .withMessageContaining("turns[0].parts[0].type")
                .withMessageEndingWith("unknown part type 'gif'; expected one of: text, image, audio, video, document");
        parsing("turns: [{parts: [{type: image, url: x.png}]}]")
                .withMessageContaining("unknown key 'url'");
        parsing("turns: [{parts: [{type: image}]}]")
                .withMessageEndingWith("turns[0].parts[0].image_url: a mapping with a url is required");
    }

    @Test
    void rulesNeedAValidRegexAndAResponse() {
        parsing("""
                rules:
                  - match: "refund("
                    response: Refunds take 5 days.
                """)
                .withMessageStartingWith("Invalid mock script <string> at rules[0].match (line 2, column 5):"
                        + " invalid regular expression: Unclosed group near index 7 of 'refund('");
        parsing("""
                rules:
                  - match: refund
                """)
                .withMessage("Invalid mock script <string> at rules[0].response: expected text or a mapping"
                        + " (type, content, tool_calls, parts), found nothing");
    }

    @Test
    void theTopLevelMustBeAMapping() {
        parsing("- one\n- two\n")
                .withMessage("Invalid mock script <string> at the top level (line 1, column 1): expected a mapping,"
                        + " found a list");
        parsing("scenarios: [support]").withMessageEndingWith("expected a mapping, found a list");
        parsing("defaultResponse: {text: hi}")
                .withMessageEndingWith("at defaultResponse (line 1, column 1): expected text, found a mapping");
    }

    @Test
    void aBadFileIsNamedByItsPath(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("support.mock.yaml"), "turns:\n  - {tool_calls: [{}]}\n");

        assertThatExceptionOfType(MockScriptException.class).isThrownBy(() -> MockScript.load(file))
                .withMessage("Invalid mock script " + file + " at turns[0].tool_calls[0].name: a value is required")
                .satisfies(error -> assertThat(error.source()).isEqualTo(file.toString()))
                .isInstanceOf(PromptKitException.class);
    }

    @Test
    void aMissingFileOrResourceIsNamed(@TempDir Path dir) {
        Path missing = dir.resolve("absent.yaml");

        assertThatExceptionOfType(MockScriptException.class).isThrownBy(() -> MockScript.load(missing))
                .withMessage("Invalid mock script " + missing + ": no such file")
                .satisfies(error -> assertThat(error.location()).isNull());
        assertThatExceptionOfType(MockScriptException.class)
                .isThrownBy(() -> MockScript.fromClasspath("mock/absent.yaml"))
                .withMessage("Invalid mock script classpath:mock/absent.yaml: not found on the classpath");
    }

    @Test
    void branchMistakesAreNamedWithTheirPlace() {
        parsing("""
                rules:
                  - match: refund
                    response: asks
                    after_tools:
                      - when: {outcome: refused}
                        response: no
                """)
                .withMessageContaining("rules[0].after_tools[0].when.outcome")
                .withMessageContaining("unknown outcome 'refused'; expected one of: success, error, rejected");
        parsing("""
                rules:
                  - match: refund
                    response: asks
                    after_tools:
                      - when: {tool: process_refund, status: failed}
                        response: no
                """)
                .withMessageContaining("unknown key 'status'; expected one of: tool, outcome, result");
        parsing("""
                rules:
                  - match: refund
                    response: asks
                    after_tools:
                      - when: {result: "("}
                        response: no
                """)
                .withMessageContaining("invalid regular expression");
        parsing("""
                rules:
                  - match: refund
                    response: asks
                    after_tools:
                      - when: {outcome: success}
                """)
                .withMessageContaining("a branch needs a response");
        parsing("""
                rules:
                  - response: asks
                """)
                .withMessageContaining("a rule needs a match");
    }
}
