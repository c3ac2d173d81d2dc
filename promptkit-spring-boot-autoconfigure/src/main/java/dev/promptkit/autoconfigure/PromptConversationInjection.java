/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.autoconfigure;

import dev.promptkit.sdk.Conversation;
import dev.promptkit.sdk.Conversations;
import dev.promptkit.sdk.DuplexConversation;
import dev.promptkit.sdk.Workflow;
import dev.promptkit.spring.PromptConversation;
import dev.promptkit.spring.PromptWorkflow;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.beans.factory.DisposableBean;

/**
 * Opens the conversation a {@link PromptConversation} injection point asks for (or the workflow a
 * {@link PromptWorkflow} one asks for), and closes the duplex ones whose sessions still live, and the workflows, when
 * the context closes (a unary conversation holds nothing to release). The
 * {@link PromptConversationResolver} calls it for every such injection point.
 */
final class PromptConversationInjection implements DisposableBean {

    private final Conversations conversations;
    private final Set<DuplexConversation> liveSessions = ConcurrentHashMap.newKeySet();
    private final Set<Workflow> workflows = ConcurrentHashMap.newKeySet();

    PromptConversationInjection(Conversations conversations) {
        this.conversations = conversations;
    }

    Conversation open(PromptConversation wanted) {
        return wanted.pack().isEmpty() ? conversations.open(wanted.value())
                : conversations.open(wanted.pack(), wanted.value());
    }

    DuplexConversation openDuplex(PromptConversation wanted) {
        DuplexConversation duplex = wanted.pack().isEmpty() ? conversations.openDuplex(wanted.value())
                : conversations.openDuplex(wanted.pack(), wanted.value());
        liveSessions.add(duplex);
        duplex.done().doFinally(signal -> liveSessions.remove(duplex)).subscribe();
        return duplex;
    }

    Workflow openWorkflow(PromptWorkflow wanted) {
        Workflow workflow = conversations.openWorkflow(wanted.value());
        workflows.add(workflow);
        return workflow;
    }

    @Override
    public void destroy() {
        List.copyOf(liveSessions).forEach(DuplexConversation::close);
        workflows.forEach(Workflow::close);
    }
}
