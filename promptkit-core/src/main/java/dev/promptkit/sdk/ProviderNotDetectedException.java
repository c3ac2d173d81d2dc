/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.sdk;

import dev.promptkit.PromptKitException;

/**
 * No provider was configured or could be detected, and the mock provider fallback is off.
 *
 * @since 0.1.0
 */
public class ProviderNotDetectedException extends PromptKitException {

    private static final long serialVersionUID = 1L;

    public ProviderNotDetectedException(String message) {
        super(message);
    }
}
