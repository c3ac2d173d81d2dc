/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.autoconfigure.tool;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Explains a {@link ToolBindingException}: which handler or tool does not fit, and how to make it fit. */
class ToolBindingFailureAnalyzer extends AbstractFailureAnalyzer<ToolBindingException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, ToolBindingException cause) {
        return new FailureAnalysis("PromptKit could not bind the application's tool handlers to the packs' tools:"
                + System.lineSeparator() + System.lineSeparator() + "    " + cause.getMessage(), cause.action(), cause);
    }
}
