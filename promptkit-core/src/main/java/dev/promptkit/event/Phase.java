/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.event;

import java.util.Locale;

/**
 * Where an operation is: begun, done, or failed.
 *
 * @since 0.1.0
 */
public enum Phase {
    STARTED, COMPLETED, FAILED;

    /** The phase as it appears in event type names ({@code started}, ...). */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
