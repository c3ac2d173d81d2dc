/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.promptkit.state.StoreUnavailableException;
import dev.promptkit.state.redis.RedisKeyLayout;
import dev.promptkit.state.redis.RedisStateStore;
import dev.promptkit.test.Await;
import dev.promptkit.test.PrivateRedisServer;
import dev.promptkit.tool.PendingToolCall;
import dev.promptkit.tool.PendingToolCall.Decision;
import dev.promptkit.tool.redis.RedisPendingStore;
import dev.promptkit.types.Message;
import java.io.IOException;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.redis.connection.ReactiveRedisConnectionFactory;
import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import tools.jackson.databind.json.JsonMapper;

/**
 * Stores that wait for one replica ({@code replicas = 1}) on a private master with a private replica: what a store
 * reports done is on the replica already; without the replica, writes fail as unavailable and a decision is withdrawn,
 * so the call can be decided again once the replica is back.
 */
class RedisReplicaConfirmationTests {

    private static final Duration TIMEOUT = Duration.ofSeconds(3);
    private static final String PREFIX = "replicas";

    private PrivateRedisServer master;
    private PrivateRedisServer replica;
    private LettuceConnectionFactory connections;

    @AfterEach
    void stop() {
        if (connections != null) {
            connections.destroy();
        }
        if (replica != null) {
            replica.close();
        }
        if (master != null) {
            master.close();
        }
    }

    @Test
    void whatAStoreReportsDoneIsOnTheReplicaAndWithoutItWritesFailAndADecisionIsWithdrawn() throws IOException {
        master = PrivateRedisServer.startOrSkip();
        replica = PrivateRedisServer.startOrSkip("--replicaof", master.host(), Integer.toString(master.port()));
        awaitInSync();
        connections = new LettuceConnectionFactory(new RedisStandaloneConfiguration(master.host(), master.port()));
        connections.afterPropertiesSet();
        connections.start();
        RedisStateStore states = new RedisStateStore(connections, JsonMapper.shared(), PREFIX, Duration.ofMinutes(10),
                TIMEOUT, 1);
        RedisPendingStore pending = new RedisPendingStore(connections, JsonMapper.shared(), PREFIX,
                Duration.ofMinutes(10), TIMEOUT, 1);
        RedisKeyLayout keys = new RedisKeyLayout(PREFIX);

        states.append("c1", List.of(Message.user("hi")), Map.of(), 0).block();
        assertThat(replica.call("LLEN", keys.conversation("c1").get(1))).as("on the replica when reported done")
                .isEqualTo(1L);
        PendingToolCall call = new PendingToolCall("call_1", "c1", "process_refund",
                JsonMapper.shared().valueToTree(Map.of("amount", 250)), "amount_over_limit", "Needs approval",
                Instant.now());
        pending.add(call).block();
        assertThat(replica.call("HGET", keys.pendingCall("c1", "call_1"), "call")).isNotNull();

        replica.kill();

        assertThatThrownBy(() -> states.append("c1", List.of(Message.user("again")), Map.of(), 1).block())
                .isInstanceOf(StoreUnavailableException.class)
                .hasMessageStartingWith("Redis state store could not append to conversation 'c1'")
                .hasMessageContaining("only 0 of 1 replica confirmed the write");
        assertThatThrownBy(() -> pending.claim("c1", "call_1", Decision.APPROVED).block())
                .isInstanceOf(StoreUnavailableException.class).hasMessageContaining("the write was undone");
        assertThat(pending.list("c1").block()).singleElement().satisfies(held -> assertThat(held.isWaiting())
                .as("the unconfirmed decision was withdrawn").isTrue());

        replica.start();
        awaitInSync();

        assertThat(pending.claim("c1", "call_1", Decision.APPROVED).block()).isEqualTo(
                call.withDecision(Decision.APPROVED));
        assertThat(replica.call("HGET", keys.pendingCall("c1", "call_1"), "decision")).isEqualTo("approved");
    }

    @Test
    void waitingForReplicasNeedsConnectionsThatAreAlsoARedisConnectionFactory() {
        ReactiveRedisConnectionFactory reactiveOnly = (ReactiveRedisConnectionFactory) Proxy.newProxyInstance(
                getClass().getClassLoader(), new Class<?>[] { ReactiveRedisConnectionFactory.class },
                (proxy, method, arguments) -> {
                    throw new UnsupportedOperationException(method.getName());
                });
        assertThatThrownBy(() -> new RedisStateStore(reactiveOnly, JsonMapper.shared(), PREFIX, Duration.ofMinutes(1),
                TIMEOUT, 1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Waiting for 1 replica(s) needs connections that are also a RedisConnectionFactory");
    }

    private void awaitInSync() {
        Await.until("the replica is in sync with " + master, Duration.ofSeconds(30),
                () -> ((String) replica.call("INFO", "replication")).contains("master_link_status:up")
                        && master.call("WAIT", "1", "100").equals(1L));
    }
}
