/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.test;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class PrivateRedisClusterTests {

    @Test
    void threeMastersShareTheSlotsAndAKilledMasterFailsOverToItsReplica() throws Exception {
        try (PrivateRedisCluster cluster = PrivateRedisCluster.startOrSkip(3, 1)) {
            List<PrivateRedisServer> servers = cluster.servers();
            assertThat(servers).hasSize(6);
            assertThat(List.of(cluster.masterOf("a"), cluster.masterOf("b"), cluster.masterOf("c")))
                    .as("keys of three slots, one on each master").doesNotHaveDuplicates();
            PrivateRedisServer master = cluster.masterOf("{conversation}:x");
            assertThat(master.call("SET", "{conversation}:x", "1")).isEqualTo("OK");
            // replication is asynchronous: without this, the master may die before its replica has the write
            assertThat(master.call("WAIT", "1", "5000")).as("the replica has the write").isEqualTo(1L);

            master.kill();
            cluster.awaitHealthy();
            PrivateRedisServer promoted = cluster.masterOf("{conversation}:x");

            assertThat(promoted).isNotSameAs(master);
            assertThat(promoted.call("GET", "{conversation}:x")).isEqualTo("1");

            master.start();
            cluster.awaitHealthy();
            assertThat((String) master.call("INFO", "replication")).contains("role:slave")
                    .contains("master_port:" + promoted.port());
        }
    }
}
