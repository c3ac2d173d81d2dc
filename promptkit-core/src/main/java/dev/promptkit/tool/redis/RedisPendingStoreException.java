/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.tool.redis;

import dev.promptkit.PromptKitException;

/**
 * A {@link RedisPendingStore} could not read or write Redis; the held calls are unchanged.
 *
 * @since 0.1.0
 */
public class RedisPendingStoreException extends PromptKitException {

    private static final long serialVersionUID = 1L;

    public RedisPendingStoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
