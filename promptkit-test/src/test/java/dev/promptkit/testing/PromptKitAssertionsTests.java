/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.testing;

import static dev.promptkit.testing.PromptKitAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import dev.promptkit.sdk.Conversation;
import dev.promptkit.sdk.Response;
import dev.promptkit.tool.PendingResult;
import dev.promptkit.types.CostInfo;
import dev.promptkit.types.ToolCall;
import java.math.BigDecimal;
import java.util.Map;
import org.junit.jupiter.api.Test;

@MockConversation(pack = "packs/shop.pack.json", prompt = "desk", script = "desk-script.yaml")
class PromptKitAssertionsTests {

    @Test
    void responseTextAndToolCalls(Conversation conversation) {
        conversation.onTool("lookup_order", args -> Map.of("status", "shipped"));

        Response answer = conversation.send("Where is my order?");

        assertThat(answer).hasText("Order A-1 arrives on Thursday.").textContains("A-1", "Thursday")
                .textMatches("arrives on \\w+day").calledTools("lookup_order").ranTool("lookup_order")
                .hasNoPendingTools().passedValidation();
        assertThat(answer).calledTool("lookup_order").hasName("lookup_order").hasArgument("order_id", "A-1")
                .hasArgument("priority", 2.0).hasArguments(Map.of("order_id", "A-1", "priority", 2L));
        assertThatExceptionOfType(AssertionError.class).isThrownBy(() -> assertThat(answer).hasText("Order A-2"))
                .withMessageContaining("Expected the answer <Order A-2> but it was <Order A-1 arrives on Thursday.>");
        assertThatExceptionOfType(AssertionError.class).isThrownBy(() -> assertThat(answer).textContains("Friday"))
                .withMessageContaining("to contain <Friday>");
        assertThatExceptionOfType(AssertionError.class).isThrownBy(() -> assertThat(answer).textMatches("^Your"))
                .withMessageContaining("to match <^Your>");
        assertThatExceptionOfType(AssertionError.class).isThrownBy(() -> assertThat(answer).calledNoTools())
                .withMessageContaining("Expected the model to call [] but it called [lookup_order]");
        assertThatExceptionOfType(AssertionError.class).isThrownBy(() -> assertThat(answer).calledTool("process_refund"))
                .withMessageContaining("Expected the model to call tool <process_refund> but it called [lookup_order]");
        assertThatExceptionOfType(AssertionError.class)
                .isThrownBy(() -> assertThat(answer).calledTool("lookup_order").hasArgument("order_id", "A-2"))
                .withMessageContaining("Expected argument <order_id> of tool call <lookup_order> to be <A-2> but was <A-1>");
        assertThatExceptionOfType(AssertionError.class)
                .isThrownBy(() -> assertThat(answer).calledTool("lookup_order").hasArgument("customer", "x"))
                .withMessageContaining("to have argument <customer>");
        assertThatExceptionOfType(AssertionError.class)
                .isThrownBy(() -> assertThat(answer).calledTool("lookup_order").hasArguments(Map.of("order_id", "A-1")))
                .withMessageContaining("to have the arguments [order_id]");
    }

    @Test
    void aToolThatFailedDidNotRun(Conversation conversation) {
        conversation.onTool("lookup_order", args -> {
            throw new IllegalStateException("orders database is down");
        });

        Response answer = conversation.send("Where is my order?");

        assertThat(answer).calledTool("lookup_order");
        assertThatExceptionOfType(AssertionError.class).isThrownBy(() -> assertThat(answer).ranTool("lookup_order"))
                .withMessageContaining("Expected tool <lookup_order> to succeed but it failed")
                .withMessageContaining("orders database is down");
        assertThatExceptionOfType(AssertionError.class).isThrownBy(() -> assertThat(answer).ranTool("process_refund"))
                .withMessageContaining("Expected tool <process_refund> to run");
    }

    @Test
    void heldCalls(Conversation conversation) {
        conversation.onTool("lookup_order", args -> Map.of("status", "delivered"));
        conversation.onToolAsync("process_refund",
                args -> new PendingResult("amount_over_limit", "Refunds over $100 need approval"),
                args -> Map.of("status", "refunded"));

        Response answer = conversation.send("I want a refund");

        assertThat(answer).calledTools("lookup_order", "process_refund").hasPendingTool("process_refund");
        assertThatExceptionOfType(AssertionError.class).isThrownBy(() -> assertThat(answer).hasNoPendingTools())
                .withMessageContaining("Expected no call to wait for approval but [process_refund] did");
        assertThatExceptionOfType(AssertionError.class).isThrownBy(() -> assertThat(answer).hasPendingTool("lookup_order"))
                .withMessageContaining("the held calls were [process_refund]");
    }

    @Test
    void tokensAndCostOnTheMocksPrices(Conversation conversation) {
        Response answer = conversation.send("Hello");
        CostInfo cost = answer.costInfo();
        // the mock prices its model at $0.01 per 1K input and output tokens
        BigDecimal expected = BigDecimal.valueOf(cost.inputTokens() + cost.outputTokens())
                .multiply(new BigDecimal("0.00001"));

        assertThat(answer).usedTokensAtMost(answer.tokensUsed()).costsAtMost(expected).cost().isPriced()
                .hasTotalUsd(expected).hasInputTokens(cost.inputTokens()).hasOutputTokens(cost.outputTokens());
        assertThatExceptionOfType(AssertionError.class)
                .isThrownBy(() -> assertThat(answer).usedTokensAtMost(answer.tokensUsed() - 1))
                .withMessageContaining("Expected at most <" + (answer.tokensUsed() - 1) + "> tokens");
        assertThatExceptionOfType(AssertionError.class)
                .isThrownBy(() -> assertThat(answer).costsAtMost(expected.subtract(new BigDecimal("0.00001"))))
                .withMessageContaining("Expected a total cost of at most");
    }

    @Test
    void costAmountsCompareByValue() {
        CostInfo cost = new CostInfo(100, 20, 0, new BigDecimal("0.1"), new BigDecimal("0.2"), BigDecimal.ZERO,
                new BigDecimal("0.3"));

        assertThat(cost).hasTotalUsd(new BigDecimal("0.300")).totalUsdIsAtMost(new BigDecimal("0.3"))
                .totalUsdIsAtMost(new BigDecimal("1")).isPriced().hasInputTokens(100).hasOutputTokens(20)
                .usedTokensAtMost(120);
        assertThatExceptionOfType(AssertionError.class)
                .isThrownBy(() -> assertThat(cost).hasTotalUsd(new BigDecimal("0.300000001")))
                .withMessageContaining("Expected a total cost of <0.300000001> USD but it was <0.3> USD");
        assertThatExceptionOfType(AssertionError.class)
                .isThrownBy(() -> assertThat(cost).totalUsdIsAtMost(new BigDecimal("0.299999999")))
                .withMessageContaining("Expected a total cost of at most <0.299999999> USD but it was <0.3> USD");
        assertThatExceptionOfType(AssertionError.class)
                .isThrownBy(() -> assertThat(CostInfo.unpriced(100, 20, 0)).isPriced())
                .withMessageContaining("Expected the tokens to be priced but the cost was zero");
        assertThatExceptionOfType(AssertionError.class).isThrownBy(() -> assertThat(cost).hasInputTokens(99))
                .withMessageContaining("Expected <99> input tokens but there were <100>");
        assertThatExceptionOfType(AssertionError.class).isThrownBy(() -> assertThat(cost).hasOutputTokens(21))
                .withMessageContaining("Expected <21> output tokens but there were <20>");
    }

    @Test
    void toolCallArgumentsCompareNumbersByValue() {
        ToolCall call = ToolCall.of("call_1", "process_refund", Map.of("amount", 250, "order_id", "A-1"));

        assertThat(call).hasName("process_refund").hasArgument("amount", 250.0).hasArgument("amount", 250L)
                .hasArgument("amount", new BigDecimal("250.00"));
        assertThatExceptionOfType(AssertionError.class).isThrownBy(() -> assertThat(call).hasArgument("amount", 25))
                .withMessageContaining("to be <25> but was <250>");
        assertThatExceptionOfType(AssertionError.class).isThrownBy(() -> assertThat(call).hasName("lookup_order"))
                .withMessageContaining("Expected a call of tool <lookup_order> but it called <process_refund>");
    }

    @Test
    void storedHistory(Conversation conversation) {
        conversation.onTool("lookup_order", args -> Map.of("status", "shipped"));
        conversation.send("Hello");
        conversation.send("Where is my order?");

        // two turns: hello + answer, then question, tool call, tool result and answer
        assertThat(conversation).hasTurnCount(2).hasMessageCount(6).lastAnswerContains("Thursday");
        assertThatExceptionOfType(AssertionError.class).isThrownBy(() -> assertThat(conversation).hasTurnCount(3))
                .withMessageContaining("to hold <3> turns but it held <2>").withMessageContaining("user: Hello");
        assertThatExceptionOfType(AssertionError.class).isThrownBy(() -> assertThat(conversation).hasMessageCount(2))
                .withMessageContaining("to hold <2> messages but it held <6>");
        assertThatExceptionOfType(AssertionError.class)
                .isThrownBy(() -> assertThat(conversation).lastAnswerContains("Monday"))
                .withMessageContaining("but it was <Order A-1 arrives on Thursday.>");
        assertThatExceptionOfType(AssertionError.class).isThrownBy(() -> assertThat(conversation).isClosed())
                .withMessageContaining("to be closed but it is open");
        conversation.close();
        assertThat(conversation).isClosed();
    }

    @Test
    void aConversationWithoutAnAnswerYet(Conversation conversation) {
        assertThatExceptionOfType(AssertionError.class)
                .isThrownBy(() -> assertThat(conversation).lastAnswerContains("anything"))
                .withMessageContaining("to hold an answer but it held none");
    }
}
