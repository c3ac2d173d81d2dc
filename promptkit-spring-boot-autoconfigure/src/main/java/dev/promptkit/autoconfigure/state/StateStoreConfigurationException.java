/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.autoconfigure.state;

import dev.promptkit.PromptKitException;

/**
 * {@code promptkit.state-store.*} asks for a store the application cannot have (Redis without a Redis
 * connection). Start-up fails with it; {@link StateStoreFailureAnalyzer} explains it.
 *
 * @since 0.1.0
 */
public class StateStoreConfigurationException extends PromptKitException {

    private static final long serialVersionUID = 1L;

    private final boolean redisOnClassPath;

    StateStoreConfigurationException(boolean redisOnClassPath) {
        super("promptkit.state-store.type is redis, but the application has no Redis connection ("
                + (redisOnClassPath ? "no ReactiveRedisConnectionFactory bean" : "Spring Data Redis is not on the "
                        + "class path") + ")");
        this.redisOnClassPath = redisOnClassPath;
    }

    /** Whether Spring Data Redis is on the class path (the connection is then missing, not the library). */
    public boolean redisOnClassPath() {
        return redisOnClassPath;
    }
}
