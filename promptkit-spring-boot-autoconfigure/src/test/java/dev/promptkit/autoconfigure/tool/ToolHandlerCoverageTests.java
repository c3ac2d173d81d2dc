/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.autoconfigure.tool;

import static org.assertj.core.api.Assertions.assertThat;

import dev.promptkit.autoconfigure.PromptKitContextRunners;
import dev.promptkit.autoconfigure.mcp.PromptKitMcpAutoConfiguration;
import dev.promptkit.spring.PromptTool;
import dev.promptkit.spring.ToolParam;
import dev.promptkit.tool.ToolExecutor;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import reactor.core.publisher.Mono;

/** Pack tools that nothing answers are reported at start-up in one WARN line. */
@ExtendWith(OutputCaptureExtension.class)
class ToolHandlerCoverageTests {

    private final ApplicationContextRunner contextRunner = PromptKitContextRunners.withMockProvider();

    @Test
    void oneWarningListsTheToolsWithoutAHandlerAndThePromptsThatOfferThem(CapturedOutput output) {
        contextRunner.withBean("tools", LookupOnly.class).run(context -> assertThat(context).hasNotFailed());

        assertThat(warnings(output)).containsExactly("Pack tools with no handler: process_refund (prompt 'chat' of "
                + "pack 'shop'). The model gets an error when it calls them, unless the code binds them with "
                + "Conversation.onTool; add @PromptTool(\"process_refund\") methods, ToolExecutor beans named after "
                + "the tools, or MCP servers (promptkit.mcp.servers.<name>, for mcp__<name>__<tool> tools), or set "
                + "promptkit.tools.require-handlers=true to fail start-up instead");
    }

    @Test
    void methodsAndExecutorBeansAnswerTools(CapturedOutput output) {
        contextRunner.withBean("tools", LookupOnly.class)
                .withBean("process_refund", ToolExecutor.class, () -> (call, context) -> Mono.just("refunded"))
                .withPropertyValues("promptkit.tools.require-handlers=true")
                .run(context -> assertThat(context).hasNotFailed());

        assertThat(warnings(output)).isEmpty();
    }

    @Test
    void mcpToolsCountAsAnsweredWhenTheirServerIsConfigured(CapturedOutput output) {
        ApplicationContextRunner withMcp = contextRunner.withConfiguration(
                AutoConfigurations.of(PromptKitMcpAutoConfiguration.class))
                .withPropertyValues("promptkit.pack=classpath:mcp/mcp.pack.json");

        withMcp.withPropertyValues("promptkit.mcp.servers.files.command=true").run(context -> assertThat(context)
                .hasNotFailed());
        assertThat(warnings(output)).isEmpty();

        withMcp.run(context -> assertThat(context).hasNotFailed());
        assertThat(warnings(output)).singleElement().asString()
                .startsWith("Pack tools with no handler: mcp__files__read_file (prompt 'files' of pack 'mcp').");
    }

    private static List<String> warnings(CapturedOutput output) {
        return output.getOut().lines().filter(line -> line.contains("WARN") && line.contains("Pack tools"))
                .map(line -> line.substring(line.indexOf("Pack tools"))).toList();
    }

    static class LookupOnly {
        @PromptTool("lookup_order")
        public String lookup(@ToolParam("order_id") String orderId) {
            return orderId;
        }
    }
}
