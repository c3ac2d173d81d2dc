/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.autoconfigure.state;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Explains a {@link StateStoreConfigurationException}: what is missing for a Redis store, and the alternatives. */
class StateStoreFailureAnalyzer extends AbstractFailureAnalyzer<StateStoreConfigurationException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, StateStoreConfigurationException cause) {
        String connect = cause.redisOnClassPath()
                ? "Configure the Redis connection with spring.data.redis.url (or .host and .port), and check that "
                        + "spring.autoconfigure.exclude does not exclude DataRedisAutoConfiguration or "
                        + "DataRedisReactiveAutoConfiguration"
                : "Add the dependency org.springframework.boot:spring-boot-starter-data-redis-reactive and configure "
                        + "the connection with spring.data.redis.url (or .host and .port)";
        return new FailureAnalysis("PromptKit could not set up its state store:" + System.lineSeparator()
                + System.lineSeparator() + "    " + cause.getMessage() + ".", connect + "; or set "
                + "promptkit.state-store.type=memory to keep conversations in memory.", cause);
    }
}
