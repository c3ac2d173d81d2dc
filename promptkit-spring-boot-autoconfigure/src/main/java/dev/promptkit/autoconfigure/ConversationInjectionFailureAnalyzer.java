/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.autoconfigure;

import dev.promptkit.sdk.Conversation;
import org.springframework.beans.factory.NoSuchBeanDefinitionException;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.analyzer.AbstractInjectionFailureAnalyzer;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;

/**
 * Explains a {@code Conversation} injected without {@code @PromptConversation} when the application defines no
 * {@code Conversation} bean: a conversation runs one prompt, so the starter injects one only where the annotation
 * names it. Ahead of Spring Boot's analysis of a missing bean, which would only say that none exists.
 */
@Order(Ordered.HIGHEST_PRECEDENCE)
class ConversationInjectionFailureAnalyzer extends AbstractInjectionFailureAnalyzer<NoSuchBeanDefinitionException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, NoSuchBeanDefinitionException cause,
            String injectionSite) {
        if (!Conversation.class.equals(cause.getBeanType())) {
            return null;
        }
        String asker = injectionSite != null ? injectionSite : "The application";
        return new FailureAnalysis(asker + " asks for a Conversation without saying which prompt it runs, and the "
                + "application defines no Conversation bean.", "Annotate it with @PromptConversation(\"<prompt>\") "
                + "(dev.promptkit.spring.PromptConversation), or inject Conversations and open a conversation per "
                + "request with conversations.open(\"<prompt>\").", cause);
    }
}
