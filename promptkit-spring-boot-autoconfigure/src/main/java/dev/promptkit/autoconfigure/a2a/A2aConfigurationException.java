/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.autoconfigure.a2a;

import dev.promptkit.PromptKitException;

/** A problem with {@code promptkit.a2a.*} found at start-up, with what to do about it. */
public class A2aConfigurationException extends PromptKitException {

    private final String action;

    public A2aConfigurationException(String message, String action, Throwable cause) {
        super(message, cause);
        this.action = action;
    }

    /** What to do about it. */
    public String action() {
        return action;
    }
}
