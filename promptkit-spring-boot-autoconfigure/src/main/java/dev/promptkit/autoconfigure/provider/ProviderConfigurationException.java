/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.autoconfigure.provider;

import dev.promptkit.PromptKitException;

/**
 * The {@code promptkit.providers.*} (or {@code promptkit.default-provider}, {@code promptkit.mock.*}) configuration
 * cannot give the application a provider. Start-up fails with it; {@link ProviderConfigurationFailureAnalyzer}
 * explains it. The message never holds an API key.
 *
 * @since 0.1.0
 */
public class ProviderConfigurationException extends PromptKitException {

    private static final long serialVersionUID = 1L;

    private final String property;
    private final String action;

    /**
     * @param property the property to change
     * @param problem what is wrong, as a sentence
     * @param action what to change, as a sentence
     * @param cause the underlying failure, or {@code null}
     */
    public ProviderConfigurationException(String property, String problem, String action, Throwable cause) {
        super(problem, cause);
        this.property = property;
        this.action = action;
    }

    /** The property to change. */
    public String property() {
        return property;
    }

    /** What to change. */
    public String action() {
        return action;
    }
}
