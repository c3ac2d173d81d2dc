/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.autoconfigure;

import dev.promptkit.sdk.PromptNotFoundException;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.analyzer.AbstractInjectionFailureAnalyzer;

/**
 * Explains a {@link PromptNotFoundException} at start-up, typically a {@code @PromptConversation("...")} that names a
 * prompt no pack has: where it was asked for, the prompts the pack has, and what to change.
 */
class PromptFailureAnalyzer extends AbstractInjectionFailureAnalyzer<PromptNotFoundException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, PromptNotFoundException cause, String injectionSite) {
        String asker = injectionSite != null ? injectionSite + " asks for" : "The application asks for";
        return new FailureAnalysis(asker + " prompt '" + cause.promptName() + "', but pack '" + cause.packId()
                + "' has no such prompt; its prompts are " + cause.availablePrompts() + ".", "Name one of the prompts "
                + cause.availablePrompts() + " (in @PromptConversation(\"...\") or conversations.open(...)), or add a "
                + "prompt \"" + cause.promptName() + "\" to the \"prompts\" of the pack.", cause);
    }
}
