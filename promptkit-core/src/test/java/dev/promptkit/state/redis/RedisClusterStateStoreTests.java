/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.state.redis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.promptkit.state.ConversationState;
import dev.promptkit.test.PrivateRedisCluster;
import dev.promptkit.test.PrivateRedisServer;
import dev.promptkit.types.Message;
import java.io.IOException;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The {@link RedisStateStoreContract} on a Redis Cluster of three masters, where one script may only touch keys of
 * one slot, and what the cluster adds: a conversation's keys share a slot, conversations spread over the masters,
 * and fork copies between conversations of two masters.
 */
@ExtendWith(TwoInstances.OnRedisCluster.class)
class RedisClusterStateStoreTests extends RedisStateStoreContract {

    private static PrivateRedisCluster cluster;

    @BeforeAll
    static void cluster(PrivateRedisCluster shared) {
        cluster = shared;
    }

    @Test
    void aConversationsKeysShareOneSlotAndConversationsSpreadOverEveryMaster() throws IOException {
        Set<Integer> masters = new HashSet<>();
        for (int i = 0; i < 30; i++) {
            String id = "spread-" + i;
            store.append(id, List.of(Message.user("hi " + i)), Map.of("var.n", Integer.toString(i))).block();
            List<String> keys = new RedisKeyLayout(keyPrefix()).conversation(id);
            PrivateRedisServer master = cluster.masterOf(keys.get(0));
            for (String key : keys) {
                assertThat(cluster.masterOf(key)).as(key).isSameAs(master);
                assertThat(master.call("EXISTS", key)).as(key).isEqualTo(1L);
            }
            masters.add(master.port());
        }
        assertThat(masters).hasSize(3);
    }

    @Test
    void forkCopiesAConversationToOneOnAnotherMaster() throws IOException {
        String source = "fork-from";
        String target = idOnAnotherMasterThan(source);
        store.append(source, List.of(Message.user("shared"), Message.assistant("yes")), Map.of("var.x", "1")).block();
        store.append(target, List.of(Message.user("replaced")), Map.of("var.old", "1")).block();

        assertThat(store.fork(source, target).block()).isTrue();
        store.append(target, List.of(Message.user("only in the branch")), Map.of(), 2).block();

        ConversationState branch = store.load(target).block();
        assertThat(branch.messages()).extracting(Message::text).containsExactly("shared", "yes", "only in the branch");
        assertThat(branch.metadata()).containsOnly(Map.entry("var.x", "1"));
        assertThat(branch.version()).as("created, forked onto, appended to").isEqualTo(3);
        assertThat(store.load(source).block().messages()).extracting(Message::text).containsExactly("shared", "yes");
    }

    private String idOnAnotherMasterThan(String id) throws IOException {
        RedisKeyLayout layout = new RedisKeyLayout(keyPrefix());
        PrivateRedisServer master = cluster.masterOf(layout.conversation(id).get(0));
        for (int i = 0;; i++) {
            String candidate = "fork-to-" + i;
            if (cluster.masterOf(layout.conversation(candidate).get(0)) != master) {
                return candidate;
            }
        }
    }
}
