/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.test;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PrivateRedisSentinelTests {

    @Test
    void theSentinelsPromoteTheReplicaWhenTheMasterIsKilled() throws Exception {
        try (PrivateRedisSentinel sentinel = PrivateRedisSentinel.startOrSkip()) {
            PrivateRedisServer master = sentinel.master();
            assertThat(master.call("SET", "k", "v")).isEqualTo("OK");
            assertThat(master.call("WAIT", "1", "5000")).as("the replica has it").isEqualTo(1L);

            master.kill();
            PrivateRedisServer promoted = sentinel.awaitFailoverFrom(master);

            assertThat(promoted).isNotSameAs(master);
            assertThat(promoted.call("GET", "k")).as("%s", promoted.call("INFO", "replication")).isEqualTo("v");
        }
    }
}
