/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.tool.redis;

import dev.promptkit.state.StateStoreException;

/**
 * A {@link RedisPendingStore} could not read or write Redis; the held calls are unchanged. An unreachable or
 * silent Redis is reported as a {@link dev.promptkit.state.StoreUnavailableException} instead.
 *
 * @since 0.1.0
 */
public class RedisPendingStoreException extends StateStoreException {

    private static final long serialVersionUID = 1L;

    public RedisPendingStoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
