/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package com.example.desk;

import static dev.promptkit.testing.PromptKitAssertions.assertThat;

import dev.promptkit.sdk.Conversation;
import dev.promptkit.sdk.Conversations;
import dev.promptkit.sdk.Response;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/** The starter's beans: the pack found on the class path, the mock answering, the @PromptTool bean running. */
@SpringBootTest
class HelpDeskApplicationTests {

    @Autowired
    private Conversations conversations;

    @Test
    void answersOnTheMockWithTheApplicationsTool() {
        try (Conversation conversation = conversations.open("desk")) {
            Response answer = conversation.send("Where is my order A-1001?");

            assertThat(answer).calledTools("lookup_order").ranTool("lookup_order")
                    .hasText("Order A-1001 arrives on Thursday.");
        }
    }
}
