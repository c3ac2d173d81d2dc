/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.pack;

import static dev.promptkit.pack.PackLoaderTests.pack;
import static dev.promptkit.pack.PackLoaderTests.prompt;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.InstanceOfAssertFactories.type;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * How {@link PackLoader} reports a pack whose parts do not fit together (tools, fragments, variable patterns), and what
 * it only warns of.
 */
class PackConsistencyReportTests {

    private static final String SOURCE = "test.pack.json";

    @Test
    void warnsOfAToolThePromptNamesButThePackLacksAndStillLoads() {
        String json = pack(prompt("chat", "Hi.", "\"tools\": [\"get_weather\", \"get_time\", \"mcp__clock__now\","
                + " \"a2a__translator__translate\"]"),
                "\"tools\": { \"get_weather\": " + tool("get_weather") + " }");

        Pack pack = load(json);

        assertThat(pack.warnings()).containsExactly(new PackWarning(SOURCE, "/prompts/chat/tools/1",
                "tool 'get_time' is not defined in the pack's tools [get_weather] and is not a prompt of the pack: a"
                        + " handler registered at run time (onTool, @PromptTool) or an MCP server's tool of that name"
                        + " must answer it"));
        assertThat(pack.warnings().get(0)).hasToString(SOURCE + " /prompts/chat/tools/1: tool 'get_time' is not"
                + " defined in the pack's tools [get_weather] and is not a prompt of the pack: a handler registered at"
                + " run time (onTool, @PromptTool) or an MCP server's tool of that name must answer it");
    }

    @Test
    void warnsOfAPromptUsedAsAToolThatTheAgentsSectionDoesNotDescribe() {
        String json = pack("""
                {
                  "lead": { "id": "lead", "name": "Lead", "version": "1.0.0", "system_template": "Lead.",
                            "tools": ["helper"] },
                  "helper": { "id": "helper", "name": "Helper", "version": "1.0.0", "system_template": "Help." }
                }""");

        assertThat(load(json).warnings()).extracting(PackWarning::pointer, PackWarning::message).containsExactly(
                tuple("/prompts/lead/tools/0", "tool 'helper' is the prompt 'helper',"
                        + " run as an agent tool, but agents.members does not describe it: the model sees the prompt's"
                        + " own description"));
    }

    @Test
    void reportsAToolStoredUnderAnotherName() {
        String json = pack(prompt("chat", "Hi.", "\"tools\": [\"weather\"]"),
                "\"tools\": { \"weather\": " + tool("get_weather") + " }");

        assertThatThrownBy(() -> load(json))
                .asInstanceOf(type(PackException.class))
                .satisfies(ex -> assertThat(ex.violations()).containsExactly(
                        "/tools/weather/name: tool name 'get_weather' differs from its key 'weather'"));
    }

    @Test
    void reportsAMissingFragment() {
        String json = pack(prompt("chat", "{{fragments.intro}} Then {{ fragments.outro }}."),
                "\"fragments\": { \"intro\": \"Hello.\" }");

        assertThatThrownBy(() -> load(json))
                .hasMessage("Invalid pack test.pack.json: 1 inconsistency" + System.lineSeparator()
                        + "  /prompts/chat/system_template: fragment 'outro' is not defined in the pack's fragments "
                        + "[intro]");
    }

    @Test
    void reportsMissingFragmentsInFragmentsAndModelOverrides() {
        String json = pack(prompt("chat", "{{fragments.intro}}", """
                "model_overrides": { "gpt-4o": { "system_template_suffix": "{{fragments.gone}}" } }"""),
                "\"fragments\": { \"intro\": \"Hello. {{fragments.signature}}\" }");

        assertThatThrownBy(() -> load(json))
                .asInstanceOf(type(PackException.class))
                .satisfies(ex -> assertThat(ex.violations()).containsExactly(
                        "/fragments/intro: fragment 'signature' is not defined in the pack's fragments [intro]",
                        "/prompts/chat/model_overrides/gpt-4o/system_template_suffix: fragment 'gone' is not "
                                + "defined in the pack's fragments [intro]"));
    }

    @Test
    void reportsAVariablePatternThatDoesNotCompile() {
        String json = pack(prompt("chat", "Hi.", """
                "variables": [ { "name": "zip", "type": "string", "required": true,
                                 "validation": { "pattern": "([0-9]" } } ]"""));

        assertThatThrownBy(() -> load(json))
                .asInstanceOf(type(PackException.class))
                .satisfies(ex -> assertThat(ex.violations()).singleElement().asString()
                        .startsWith("/prompts/chat/variables/0/validation/pattern: invalid regular expression: "));
    }

    @Test
    void loadsAValidatorOfAnUnknownType() {
        Pack pack = load(pack(prompt("chat", "Hi.", "\"validators\": [ { \"type\": \"no_such_validator\" } ]")));

        assertThat(pack.prompt("chat").orElseThrow().validators()).singleElement()
                .satisfies(v -> assertThat(v.type()).isEqualTo("no_such_validator"));
    }

    private static Pack load(String json) {
        return PackLoader.load(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), SOURCE,
                PackLoader.Options.DEFAULTS);
    }

    private static String tool(String name) {
        return """
                { "name": "%s", "description": "A tool",
                  "parameters": { "type": "object", "properties": { "city": { "type": "string" } } } }"""
                .formatted(name);
    }
}
