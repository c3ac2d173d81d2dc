/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.tool.redis;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.promptkit.state.StoreUnavailableException;
import dev.promptkit.state.redis.TwoInstances;
import dev.promptkit.test.RealRedis;
import dev.promptkit.tool.PendingToolCall.Decision;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import tools.jackson.databind.json.JsonMapper;

/** The {@link RedisPendingStoreContract} on a single Redis, and what does not depend on the topology. */
@ExtendWith({ RealRedis.class, TwoInstances.OnSharedRedis.class })
class RedisPendingStoreTests extends RedisPendingStoreContract {

    @Test
    void anUnreachableRedisFailsWithAStoreUnavailableException() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        LettuceConnectionFactory nowhere = new LettuceConnectionFactory(
                new RedisStandaloneConfiguration("127.0.0.1", closedPort));
        nowhere.afterPropertiesSet();
        nowhere.start();
        try {
            RedisPendingStore unreachable = new RedisPendingStore(nowhere);
            assertThatThrownBy(() -> unreachable.add(call("c1", "call_1", T0)).block())
                    .isInstanceOf(StoreUnavailableException.class)
                    .hasMessageStartingWith("Redis pending store could not hold call 'call_1' of conversation 'c1'")
                    .hasMessageContaining("127.0.0.1");
            assertThatThrownBy(() -> unreachable.list("c1").block()).isInstanceOf(StoreUnavailableException.class)
                    .hasMessageContaining("list the held calls of conversation 'c1'");
            assertThatThrownBy(() -> unreachable.claim("c1", "call_1", Decision.APPROVED).block())
                    .isInstanceOf(StoreUnavailableException.class)
                    .hasMessageContaining("decide call 'call_1' of conversation 'c1'");
        }
        finally {
            nowhere.destroy();
        }
    }


    @Test
    void rejectsATimeToLiveBelowOneMillisecond() {
        assertThatThrownBy(() -> new RedisPendingStore(connections, JsonMapper.shared(), "p", Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("ttl");
    }
}
