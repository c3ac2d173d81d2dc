/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.tool.redis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.promptkit.state.redis.RedisKeyLayout;
import dev.promptkit.state.redis.TwoInstances;
import dev.promptkit.test.PrivateRedisCluster;
import java.io.IOException;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The {@link RedisPendingStoreContract} on a Redis Cluster of three masters, and what the cluster adds: a
 * conversation's calls and index share a slot, and conversations spread over the masters.
 */
@ExtendWith(TwoInstances.OnRedisCluster.class)
class RedisClusterPendingStoreTests extends RedisPendingStoreContract {

    private static PrivateRedisCluster cluster;

    @BeforeAll
    static void cluster(PrivateRedisCluster shared) {
        cluster = shared;
    }

    @Test
    void aConversationsCallsAndIndexShareOneSlotAndConversationsSpreadOverEveryMaster() throws IOException {
        RedisKeyLayout layout = new RedisKeyLayout(keyPrefix());
        Set<Integer> masters = new HashSet<>();
        for (int i = 0; i < 30; i++) {
            String conversation = "spread-" + i;
            store.add(call(conversation, "call_a", T0)).block();
            store.add(call(conversation, "call_b", T0.plusSeconds(1))).block();
            int master = cluster.masterOf(layout.pendingIndex(conversation)).port();
            assertThat(cluster.masterOf(layout.pendingCall(conversation, "call_a")).port()).isEqualTo(master);
            assertThat(cluster.masterOf(layout.pendingCall(conversation, "call_b")).port()).isEqualTo(master);
            assertThat(store.list(conversation).block()).hasSize(2);
            masters.add(master);
        }
        assertThat(masters).hasSize(3);
    }
}
