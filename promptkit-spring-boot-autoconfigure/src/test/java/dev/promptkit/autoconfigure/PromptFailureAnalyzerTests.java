/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import dev.promptkit.sdk.Conversation;
import dev.promptkit.spring.PromptConversation;
import org.junit.jupiter.api.Test;
import org.springframework.boot.diagnostics.FailureAnalysis;

class PromptFailureAnalyzerTests {

    @Test
    void aPromptConversationNamingAnUnknownPromptIsExplainedWithTheInjectionPointAndThePacksPrompts() {
        FailureAnalysis analysis = StartupFailures.analysis(PromptKitContextRunners.withMockProvider()
                .withBean(Chatty.class), new PromptFailureAnalyzer());

        assertThat(analysis.getDescription()).isEqualTo("Parameter 0 of constructor in "
                + Chatty.class.getName() + " asks for prompt 'chta', but pack 'shop' has no such prompt; its prompts"
                + " are [chat, faq].");
        assertThat(analysis.getAction()).startsWith("Name one of the prompts [chat, faq] (in "
                + "@PromptConversation(\"...\")").contains("add a prompt \"chta\" to the \"prompts\" of the pack");
    }

    static class Chatty {
        Chatty(@PromptConversation("chta") Conversation chat) {
        }
    }
}
