/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.autoconfigure.tool;

import static org.assertj.core.api.Assertions.assertThat;

import dev.promptkit.autoconfigure.PromptKitContextRunners;
import dev.promptkit.autoconfigure.StartupFailures;
import dev.promptkit.spring.PromptTool;
import dev.promptkit.spring.ToolParam;
import org.junit.jupiter.api.Test;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

class ToolBindingFailureAnalyzerTests {

    private final ApplicationContextRunner contextRunner = PromptKitContextRunners.withMockProvider();

    @Test
    void aHandlerForAToolNoPackDeclaresListsThePacksTools() {
        FailureAnalysis analysis = analysis(contextRunner.withBean("misnamed", Misnamed.class));

        assertThat(analysis.getDescription()).endsWith("@PromptTool method misnamed#lookup answers tool "
                + "'lookup_ordr', which no pack declares; the packs' tools are [lookup_order, process_refund].");
        assertThat(analysis.getAction()).startsWith("Name one of the packs' tools [lookup_order, process_refund]");
    }

    @Test
    void aParameterNoArgumentFillsNamesTheArgumentsOfTheTool() {
        FailureAnalysis analysis = analysis(contextRunner.withBean("tools", CamelCase.class));

        assertThat(analysis.getDescription()).endsWith("Parameter 'orderId' of @PromptTool method tools#lookup is "
                + "not an argument of tool 'lookup_order'; its arguments are [order_id].");
        assertThat(analysis.getAction()).isEqualTo("Rename the parameter to one of [order_id], or map it with "
                + "@ToolParam(\"<argument>\").");
    }

    @Test
    void anApprovalExpressionThatDoesNotParseNamesTheMethod() {
        FailureAnalysis analysis = analysis(contextRunner.withBean("tools", BadApproval.class));

        assertThat(analysis.getDescription()).contains("requiresApproval \"#amount >> 100\" of @PromptTool method "
                + "tools#refund is not a valid SpEL expression");
        assertThat(analysis.getAction()).contains("#amount > 1000");
    }

    @Test
    void packToolsWithoutAHandlerFailStartUpWhenHandlersAreRequired() {
        FailureAnalysis analysis = analysis(contextRunner.withBean("tools", LookupOnly.class)
                .withPropertyValues("promptkit.tools.require-handlers=true"));

        assertThat(analysis.getDescription()).endsWith("The packs' prompts offer tools that no handler answers: "
                + "process_refund (prompt 'chat' of pack 'shop') (promptkit.tools.require-handlers=true).");
        assertThat(analysis.getAction()).startsWith("Add @PromptTool(\"process_refund\") methods, ToolExecutor beans "
                + "named after the tools, or MCP servers");
    }

    private static FailureAnalysis analysis(ApplicationContextRunner runner) {
        return StartupFailures.analysis(runner, new ToolBindingFailureAnalyzer());
    }

    static class Misnamed {
        @PromptTool("lookup_ordr")
        public String lookup(@ToolParam("order_id") String orderId) {
            return orderId;
        }
    }

    static class CamelCase {
        @PromptTool("lookup_order")
        public String lookup(String orderId) {
            return orderId;
        }
    }

    static class BadApproval {
        @PromptTool(value = "process_refund", requiresApproval = "#amount >> 100")
        public String refund(@ToolParam("order_id") String orderId, double amount) {
            return orderId;
        }
    }

    static class LookupOnly {
        @PromptTool("lookup_order")
        public String lookup(@ToolParam("order_id") String orderId) {
            return orderId;
        }
    }
}
