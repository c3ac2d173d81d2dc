/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.autoconfigure.a2a;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Explains an {@link A2aConfigurationException}: which remote agent or server setting is wrong, and what to do. */
class A2aFailureAnalyzer extends AbstractFailureAnalyzer<A2aConfigurationException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, A2aConfigurationException cause) {
        return new FailureAnalysis("PromptKit could not set up A2A:" + System.lineSeparator()
                + System.lineSeparator() + "    " + cause.getMessage(), cause.action(), cause);
    }
}
