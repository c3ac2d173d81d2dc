/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.autoconfigure.provider;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Explains a {@link ProviderConfigurationException}: the property at fault, what is wrong with it, what to set. */
class ProviderConfigurationFailureAnalyzer extends AbstractFailureAnalyzer<ProviderConfigurationException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, ProviderConfigurationException cause) {
        return new FailureAnalysis("PromptKit could not set up its LLM provider (property " + cause.property()
                + "):" + System.lineSeparator() + System.lineSeparator() + "    " + cause.getMessage(), cause.action(),
                cause);
    }
}
