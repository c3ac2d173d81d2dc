/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.state.redis;

import io.lettuce.core.cluster.RedisClusterClient;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;

/**
 * Lettuce's view of a Redis Cluster, for writes that run on one node's connection: when that node no longer serves
 * the slot, asks Lettuce to load the topology again (at most once a second), and makes the failure to report.
 */
final class ClusterTopology {

    private static final Duration REFRESH_INTERVAL = Duration.ofSeconds(1);

    private final RedisConnectionFactory connections;
    private final AtomicLong lastRefresh = new AtomicLong(System.nanoTime() - REFRESH_INTERVAL.toNanos());

    ClusterTopology(RedisConnectionFactory connections) {
        this.connections = connections;
    }

    /** Starts a topology refresh, and returns the failure of a write to {@code slot} that {@code why} stopped. */
    SlotMovedException changed(int slot, String why) {
        long last = lastRefresh.get();
        if (System.nanoTime() - last >= REFRESH_INTERVAL.toNanos() && lastRefresh.compareAndSet(last, System.nanoTime())
                && connections instanceof LettuceConnectionFactory lettuce
                && lettuce.getNativeClient() instanceof RedisClusterClient client) {
            client.refreshPartitionsAsync();
        }
        return new SlotMovedException(slot, why);
    }

    /** A write found its slot served elsewhere than Lettuce thought, and wrote nothing. */
    static final class SlotMovedException extends RuntimeException {

        private static final long serialVersionUID = 1L;

        SlotMovedException(int slot, String why) {
            super("the Redis Cluster slot " + slot + " is not where Lettuce's view of the cluster had it (" + why
                    + "); nothing was written, and the topology is being loaded again");
        }
    }
}
