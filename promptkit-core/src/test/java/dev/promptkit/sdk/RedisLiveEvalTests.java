/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.sdk;

import dev.promptkit.state.StateStore;
import dev.promptkit.state.redis.RedisStateStore;
import dev.promptkit.state.redis.TestKeyPrefix;
import dev.promptkit.test.RealRedis;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import tools.jackson.databind.json.JsonMapper;

@ExtendWith(RealRedis.class)
class RedisLiveEvalTests extends LiveEvalContract {

    private static final TestKeyPrefix PREFIX = TestKeyPrefix.random();

    private static LettuceConnectionFactory connections;
    private static RedisStateStore states;

    @BeforeAll
    static void connect(LettuceConnectionFactory factory) {
        connections = factory;
        states = new RedisStateStore(factory, JsonMapper.shared(), PREFIX.value(), Duration.ofMinutes(10));
    }

    @AfterAll
    static void deleteKeys() {
        PREFIX.deleteKeys(connections);
    }

    @Override
    StateStore stateStore() {
        return states;
    }
}
