/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package com.example.desk;

import static dev.promptkit.testing.PromptKitAssertions.assertThat;

import dev.promptkit.sdk.Conversation;
import dev.promptkit.sdk.Response;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/** The prompt on the test kit's mock conversation, without Spring. */
@dev.promptkit.testing.MockConversation(pack = "desk.pack.json", prompt = "desk", script = "desk-script.yaml")
class DeskConversationTests {

    @Test
    void looksTheOrderUp(Conversation conversation) {
        conversation.onTool("lookup_order", args -> new HelpDeskApplication.Orders().lookup((String) args.get("order_id")));

        Response answer = conversation.send("Where is my order A-1001?");

        assertThat(answer).calledTool("lookup_order").hasArgument("order_id", "A-1001");
        assertThat(answer).ranTool("lookup_order").hasText("Order A-1001 arrives on Thursday.")
                .costsAtMost(new BigDecimal("0.01"));
        assertThat(conversation).hasTurnCount(1);
    }
}
