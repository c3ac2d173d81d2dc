/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.sample;

import static dev.promptkit.testing.PromptKitAssertions.assertThat;

import dev.promptkit.sdk.Conversation;
import dev.promptkit.sdk.Response;
import dev.promptkit.testing.MockConversation;
import dev.promptkit.tool.PendingResult;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/**
 * The support prompt and the shop's order desk on the test kit's mock conversation: the sample's own pack and mock
 * script, its {@link OrderTools} as the tools, no Spring context and no key. The date the app's
 * {@code TimeVariables} would give is fixed here.
 */
@MockConversation(pack = "packs/support.pack.json", prompt = "support", script = "mock-responses.yaml",
        variables = {"current_date=2026-12-07", "current_weekday=Monday"})
class SupportConversationTests {

    private final OrderTools orders = new OrderTools();

    @Test
    void looksUpTheOrderTheCustomerAsksAbout(Conversation conversation) {
        conversation.onTool("lookup_order", args -> orders.lookup((String) args.get("order_id")));

        Response answer = conversation.send("Where is my order A-1001?");

        assertThat(answer).calledTool("lookup_order").hasArgument("order_id", "A-1001");
        assertThat(answer).ranTool("lookup_order").textContains("A-1001", "arrives on Thursday").hasNoPendingTools()
                .costsAtMost(new BigDecimal("0.01"));
        assertThat(conversation).hasTurnCount(1).lastAnswerContains("arrives on Thursday");
    }

    @Test
    void holdsABigRefundForASupervisor(Conversation conversation) {
        conversation.onToolAsync("process_refund",
                args -> new BigDecimal(args.get("amount").toString()).compareTo(new BigDecimal("100")) > 0
                        ? new PendingResult("amount_over_limit", "Refunds over $100 need a supervisor's approval")
                        : null,
                args -> orders.refund((String) args.get("order_id"), new BigDecimal(args.get("amount").toString()),
                        (String) args.get("reason")));

        Response answer = conversation.send("I want a big refund for A-1001, it arrived damaged");

        assertThat(answer).calledTool("process_refund").hasArgument("order_id", "A-1001").hasArgument("amount", 250);
        assertThat(answer).hasPendingTool("process_refund");
        assertThat(orders.refunds()).isEmpty();
    }
}
