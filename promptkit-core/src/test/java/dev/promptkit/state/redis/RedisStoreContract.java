/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.state.redis;

import org.junit.jupiter.api.BeforeEach;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * What the store contracts share: the two application instances ({@link TwoInstances}) of the topology the test class
 * runs on, the first one's connections and a template on them to look at the keys.
 */
public abstract class RedisStoreContract {

    protected TwoInstances instances;
    protected LettuceConnectionFactory connections;
    protected StringRedisTemplate redis;

    @BeforeEach
    void connect(TwoInstances given) {
        instances = given;
        connections = given.first();
        redis = new StringRedisTemplate(connections);
    }

    /** The connections of a second instance of the application. */
    protected LettuceConnectionFactory otherInstance() {
        return instances.second();
    }

    /** The test class's key prefix. */
    protected String keyPrefix() {
        return instances.prefix();
    }
}
