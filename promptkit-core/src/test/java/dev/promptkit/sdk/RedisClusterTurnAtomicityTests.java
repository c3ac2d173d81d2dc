/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.sdk;

import dev.promptkit.state.StateStore;
import dev.promptkit.state.redis.RedisStateStore;
import dev.promptkit.test.PrivateRedisCluster;
import dev.promptkit.test.SharedRedisCluster;
import dev.promptkit.tool.PendingStore;
import dev.promptkit.tool.redis.RedisPendingStore;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import tools.jackson.databind.json.JsonMapper;

/** The {@link TurnAtomicityContract} on a Redis Cluster of three masters. */
@ExtendWith(SharedRedisCluster.class)
class RedisClusterTurnAtomicityTests extends TurnAtomicityContract {

    private static LettuceConnectionFactory connections;
    private static RedisStateStore states;
    private static RedisPendingStore pending;

    @BeforeAll
    static void connect(PrivateRedisCluster cluster) {
        connections = cluster.connectionFactory();
        states = new RedisStateStore(connections, JsonMapper.shared(), "cluster-atomicity", Duration.ofMinutes(10));
        pending = new RedisPendingStore(connections, JsonMapper.shared(), "cluster-atomicity", Duration.ofMinutes(10));
    }

    @AfterAll
    static void disconnect() {
        connections.destroy();
    }

    @Override
    StateStore stateStore() {
        return states;
    }

    @Override
    PendingStore pendingStore() {
        return pending;
    }
}
