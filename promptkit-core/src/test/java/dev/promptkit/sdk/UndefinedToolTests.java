/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.sdk;

import static org.assertj.core.api.Assertions.assertThat;

import dev.promptkit.pack.Pack;
import dev.promptkit.pack.PackLoader;
import dev.promptkit.provider.mock.MockProvider;
import dev.promptkit.provider.mock.MockScript;
import dev.promptkit.types.ToolDescriptor;
import dev.promptkit.types.ToolResult;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A tool the pack names without defining it (the specification's customer-support example: the technical prompt's
 * {@code run_diagnostic}) is offered to the model and answered by a handler registered at run time; with none, the
 * model reads an error result saying so.
 */
class UndefinedToolTests {

    private static final Pack SUPPORT = PackLoader.loadResource("spec-examples/customer-support.pack.json");

    private static final String LOOKUP = """
            turns:
              - tool_calls: [{name: run_diagnostic, arguments: {device: "router"}}]
              - "The router is fine."
            """;

    @Test
    void aHandlerRegisteredAtRunTimeAnswersIt() {
        RecordingProvider provider = new RecordingProvider(MockProvider.builder().script(MockScript.parse(LOOKUP))
                .build());
        Conversation technical = open(provider);
        technical.onTool("run_diagnostic", args -> Map.of("status", "ok for " + args.get("device")));

        Response response = technical.send("My internet is down.");

        assertThat(provider.requests.get(0).tools()).extracting(ToolDescriptor::name)
                .containsExactly("run_diagnostic", "access_knowledge_base");
        assertThat(response.toolResults()).extracting(ToolResult::content)
                .containsExactly("{\"status\":\"ok for router\"}");
        assertThat(response.text()).isEqualTo("The router is fine.");
    }

    @Test
    void withoutAHandlerTheModelReadsThatNothingAnswersIt() {
        RecordingProvider provider = new RecordingProvider(MockProvider.builder().script(MockScript.parse(LOOKUP))
                .build());

        Response response = open(provider).send("My internet is down.");

        assertThat(response.toolResults()).extracting(ToolResult::error).containsExactly("Tool 'run_diagnostic': no"
                + " handler is registered for this tool (onTool, @PromptTool, an HTTP or MCP binding)");
        assertThat(response.text()).isEqualTo("The router is fine.");
    }

    private static Conversation open(RecordingProvider provider) {
        return PromptKit.open(SUPPORT, "technical", ConversationOptions.builder().provider(provider)
                .variable("role", "support engineer").variable("issue_description", "no internet")
                .variable("company", "TechCorp").build());
    }
}
