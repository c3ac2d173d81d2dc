/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.test;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.data.redis.connection.RedisSentinelConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;

/**
 * A Sentinel set-up of the test's own on loopback: a master, replicas of it, and three Sentinels watching the master
 * as {@value #MASTER_NAME} with a quorum of two, all private {@code redis-server} processes (Sentinel mode is part of
 * the program). A Sentinel calls a silent master down after a second, so a killed master fails over to the replica
 * within seconds. Every wait is bounded polling of what the servers and Sentinels say.
 */
public final class PrivateRedisSentinel implements AutoCloseable {

    /** The name the Sentinels know the master by: {@code spring.data.redis.sentinel.master}. */
    public static final String MASTER_NAME = "promptkit";

    private static final Duration READY_TIMEOUT = Duration.ofSeconds(60);

    private final List<PrivateRedisServer> dataNodes = new ArrayList<>();
    private final List<PrivateRedisServer> sentinels = new ArrayList<>();

    private PrivateRedisSentinel() {
    }

    /** Starts a master, one replica and the Sentinels, or skips the calling test without {@code redis-server}. */
    public static PrivateRedisSentinel startOrSkip() {
        return startOrSkip(1);
    }

    /**
     * Starts a master, {@code replicas} replicas and the Sentinels, or skips the calling test without
     * {@code redis-server}. With two, the master the Sentinels promote after a failure has a replica at once.
     */
    public static PrivateRedisSentinel startOrSkip(int replicas) {
        PrivateRedisSentinel setUp = new PrivateRedisSentinel();
        try {
            PrivateRedisServer master = PrivateRedisServer.startOrSkip();
            setUp.dataNodes.add(master);
            for (int i = 0; i < replicas; i++) {
                setUp.dataNodes.add(PrivateRedisServer.startOrSkip("--replicaof", master.host(),
                        Integer.toString(master.port())));
            }
            for (int i = 0; i < 3; i++) {
                setUp.sentinels.add(PrivateRedisServer.startSentinelOrSkip(String.join("\n",
                        "sentinel monitor " + MASTER_NAME + " " + master.host() + " " + master.port() + " 2",
                        "sentinel down-after-milliseconds " + MASTER_NAME + " 1000",
                        "sentinel failover-timeout " + MASTER_NAME + " 5000",
                        "sentinel parallel-syncs " + MASTER_NAME + " 1")));
            }
            setUp.awaitReady();
            return setUp;
        }
        catch (RuntimeException ex) {
            setUp.close();
            throw ex;
        }
    }

    /** {@code host:port} of every Sentinel, comma-separated: the value of {@code spring.data.redis.sentinel.nodes}. */
    public String sentinelNodes() {
        return sentinels.stream().map(sentinel -> sentinel.host() + ":" + sentinel.port())
                .collect(Collectors.joining(","));
    }

    /** A started Lettuce connection factory to the master, found through the Sentinels; the caller destroys it. */
    public LettuceConnectionFactory connectionFactory() {
        LettuceConnectionFactory connections = new LettuceConnectionFactory(new RedisSentinelConfiguration(
                MASTER_NAME, Set.of(sentinelNodes().split(","))));
        connections.afterPropertiesSet();
        connections.start();
        return connections;
    }

    /** The master and the replicas, as started (their roles change with a failover). */
    public List<PrivateRedisServer> dataNodes() {
        return List.copyOf(dataNodes);
    }

    /** The data node the Sentinels now name as master. */
    public PrivateRedisServer master() throws IOException {
        int port = masterPortSeenBy(sentinels.stream().filter(PrivateRedisServer::isRunning).findFirst().orElseThrow());
        return dataNodes.stream().filter(node -> node.port() == port).findFirst().orElseThrow();
    }

    /**
     * Waits until every Sentinel names the same master, which says it is one, knows the two other Sentinels and a
     * replica, and every running replica's link to that master is up (a Sentinel turns a restarted old master into a
     * replica only after its next look at it, up to ten seconds later).
     */
    public void awaitReady() {
        Await.until("the Sentinels on " + sentinelNodes() + " agree on a master with a replica in sync",
                READY_TIMEOUT, () -> {
                    int port = masterPortSeenBy(sentinels.get(0));
                    for (PrivateRedisServer sentinel : sentinels) {
                        Map<String, String> master = fields(sentinel.call("SENTINEL", "MASTER", MASTER_NAME));
                        if (masterPortSeenBy(sentinel) != port || !"2".equals(master.get("num-other-sentinels"))
                                || "0".equals(master.get("num-slaves")) || master.get("flags").contains("down")) {
                            return false;
                        }
                    }
                    for (PrivateRedisServer node : dataNodes) {
                        if (!node.isRunning()) {
                            continue;
                        }
                        String replication = (String) node.call("INFO", "replication");
                        boolean isMaster = node.port() == port;
                        if (isMaster != replication.contains("role:master")
                                || (!isMaster && !replication.contains("master_port:" + port))
                                || (!isMaster && !replication.contains("master_link_status:up"))) {
                            return false;
                        }
                    }
                    return true;
                });
    }

    /** Waits until the Sentinels name another master than {@code old}, which says it is one; returns it. */
    public PrivateRedisServer awaitFailoverFrom(PrivateRedisServer old) {
        Await.until("the Sentinels fail over from " + old, READY_TIMEOUT, () -> {
            for (PrivateRedisServer sentinel : sentinels) {
                if (masterPortSeenBy(sentinel) == old.port()) {
                    return false;
                }
            }
            return ((String) master().call("INFO", "replication")).contains("role:master");
        });
        try {
            return master();
        }
        catch (IOException ex) {
            throw new IllegalStateException("the Sentinels no longer answer", ex);
        }
    }

    private static int masterPortSeenBy(PrivateRedisServer sentinel) throws IOException {
        List<?> address = (List<?>) sentinel.call("SENTINEL", "GET-MASTER-ADDR-BY-NAME", MASTER_NAME);
        return Integer.parseInt((String) address.get(1));
    }

    private static Map<String, String> fields(Object reply) {
        List<?> flat = (List<?>) reply;
        Map<String, String> fields = new HashMap<>();
        for (int i = 0; i + 1 < flat.size(); i += 2) {
            fields.put((String) flat.get(i), String.valueOf(flat.get(i + 1)));
        }
        return fields;
    }

    @Override
    public void close() {
        sentinels.forEach(PrivateRedisServer::close);
        dataNodes.forEach(PrivateRedisServer::close);
    }

    @Override
    public String toString() {
        return "private Redis Sentinel set-up, Sentinels on " + sentinelNodes();
    }
}
