/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.autoconfigure;

import dev.promptkit.workflow.WorkflowDefinitionException;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.analyzer.AbstractInjectionFailureAnalyzer;

/**
 * Explains a {@link WorkflowDefinitionException} at start-up, typically a {@code @PromptWorkflow} on a pack whose
 * {@code workflow} section is missing or names states or prompts that do not exist: each problem with its JSON
 * pointer, and what to change.
 */
class WorkflowFailureAnalyzer extends AbstractInjectionFailureAnalyzer<WorkflowDefinitionException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, WorkflowDefinitionException cause, String injectionSite) {
        String asker = injectionSite != null ? injectionSite + " asks for a workflow" : "The application asks for a"
                + " workflow";
        return new FailureAnalysis(asker + ", but " + cause.getMessage(), "Name a pack with a workflow in"
                + " @PromptWorkflow(\"<pack>\") or conversations.openWorkflow(\"<pack>\"), or fix the pack's"
                + " \"workflow\" at the pointers listed (its entry and every on_event and on_max_visits target must be"
                + " a state, every prompt_task a prompt of the pack).", cause);
    }
}
