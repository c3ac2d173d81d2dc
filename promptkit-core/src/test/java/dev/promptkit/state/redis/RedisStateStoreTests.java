/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.state.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.promptkit.state.ConversationState;
import dev.promptkit.state.StoreUnavailableException;
import dev.promptkit.test.RealRedis;
import dev.promptkit.types.Message;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;

/** The {@link RedisStateStoreContract} on a single Redis, and what does not depend on the topology. */
@ExtendWith({ RealRedis.class, TwoInstances.OnSharedRedis.class })
class RedisStateStoreTests extends RedisStateStoreContract {

    @Test
    void anUnreachableRedisFailsEveryOperationWithAStateStoreException() throws IOException {
        LettuceConnectionFactory nowhere = new LettuceConnectionFactory(
                new RedisStandaloneConfiguration("127.0.0.1", closedPort()));
        nowhere.afterPropertiesSet();
        nowhere.start();
        try {
            RedisStateStore unreachable = new RedisStateStore(nowhere);
            assertFails(() -> unreachable.load("c1").block(), "load conversation 'c1'");
            assertFails(() -> unreachable.append("c1", List.of(Message.user("hi")), Map.of()).block(),
                    "append to conversation 'c1'");
            assertFails(() -> unreachable.save(ConversationState.empty("c1")).block(), "save conversation 'c1'");
            assertFails(() -> unreachable.fork("c1", "c2").block(), "fork conversation 'c1' to 'c2'");
            assertFails(() -> unreachable.delete("c1").block(), "delete conversation 'c1'");
        }
        finally {
            nowhere.destroy();
        }
    }

    @Test
    void rejectsANegativeTimeToLiveAndABlankPrefix() {
        assertThatThrownBy(() -> new RedisStateStore(connections, JSON, "p", Duration.ofSeconds(-1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("ttl");
        assertThatThrownBy(() -> new RedisStateStore(connections, JSON, " ", TTL))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("keyPrefix");
    }

    @Test
    void refusesAPrefixWithBracesAndIdsThatMakeNoHashTag() {
        assertThatThrownBy(() -> new RedisStateStore(connections, JSON, "{app}", TTL))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("keyPrefix '{app}' must not contain '{' or '}'");
        assertThatThrownBy(() -> store.load("").block()).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Conversation id '' cannot be stored in Redis");
        assertThatThrownBy(() -> store.append("}x", List.of(Message.user("hi")), Map.of()).block())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("must not be empty or start with '}'");
        store.append("fork-source", List.of(Message.user("hi")), Map.of()).block();
        assertThatThrownBy(() -> store.fork("fork-source", "}").block()).isInstanceOf(IllegalArgumentException.class);
        assertThat(store.load("a}b{c").blockOptional()).as("braces inside an id are fine").isEmpty();
    }

    private static void assertFails(Runnable operation, String what) {
        assertThatThrownBy(operation::run).isInstanceOf(StoreUnavailableException.class)
                .hasMessageStartingWith("Redis state store could not " + what)
                .hasMessageContaining("127.0.0.1");
    }

    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
