/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.test;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.springframework.data.redis.connection.RedisClusterConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;

/**
 * A Redis Cluster of the test's own on loopback: {@code masters} private {@code redis-server} processes sharing the
 * 16384 slots evenly, each with {@code replicasPerMaster} replicas, made as {@code redis-cli --cluster create} makes
 * one, but with cluster commands sent from here ({@code CLUSTER SET-CONFIG-EPOCH}, {@code ADDSLOTSRANGE},
 * {@code MEET}, {@code REPLICATE}), so it needs nothing but {@code redis-server}. A node that does not hear from
 * another for a second ({@code cluster-node-timeout 1000}) suspects it, so a killed master fails over within
 * seconds. Every wait is bounded polling of the nodes' own view ({@code CLUSTER INFO}, {@code INFO replication}).
 */
public final class PrivateRedisCluster implements AutoCloseable {

    private static final Duration READY_TIMEOUT = Duration.ofSeconds(60);
    private static final int SLOTS = 16384;

    private final List<PrivateRedisServer> masters = new ArrayList<>();
    private final List<PrivateRedisServer> servers = new ArrayList<>();

    private PrivateRedisCluster() {
    }

    /** Starts and joins the cluster, or skips the calling test without {@code redis-server} (fails on CI). */
    public static PrivateRedisCluster startOrSkip(int masters, int replicasPerMaster) {
        PrivateRedisCluster cluster = new PrivateRedisCluster();
        try {
            for (int i = 0; i < masters * (1 + replicasPerMaster); i++) {
                PrivateRedisServer server = PrivateRedisServer.startOrSkip("--cluster-enabled", "yes",
                        "--cluster-config-file", "nodes.conf", "--cluster-node-timeout", "1000",
                        "--cluster-replica-validity-factor", "0");
                cluster.servers.add(server);
                if (i < masters) {
                    cluster.masters.add(server);
                }
            }
            cluster.form(replicasPerMaster);
            return cluster;
        }
        catch (IOException | RuntimeException ex) {
            cluster.close();
            throw ex instanceof RuntimeException runtime ? runtime
                    : new IllegalStateException("could not form the Redis Cluster: " + ex.getMessage(), ex);
        }
    }

    private void form(int replicasPerMaster) throws IOException {
        int masterCount = masters.size();
        for (int i = 0; i < masterCount; i++) {
            PrivateRedisServer master = masters.get(i);
            master.call("CLUSTER", "SET-CONFIG-EPOCH", Integer.toString(i + 1));
            master.call("CLUSTER", "ADDSLOTSRANGE", Integer.toString(i * SLOTS / masterCount),
                    Integer.toString((i + 1) * SLOTS / masterCount - 1));
        }
        PrivateRedisServer first = servers.get(0);
        for (PrivateRedisServer server : servers.subList(1, servers.size())) {
            server.call("CLUSTER", "MEET", first.host(), Integer.toString(first.port()));
        }
        Await.until("every node knows all " + servers.size() + " nodes", READY_TIMEOUT, () -> {
            for (PrivateRedisServer server : servers) {
                if (clusterNodes(server).size() != servers.size()) {
                    return false;
                }
            }
            return true;
        });
        for (int i = masterCount; i < servers.size(); i++) {
            PrivateRedisServer master = masters.get((i - masterCount) / replicasPerMaster);
            servers.get(i).call("CLUSTER", "REPLICATE", (String) master.call("CLUSTER", "MYID"));
        }
        awaitHealthy();
    }

    /** Every node, masters first, as started (a node's role may have changed since). */
    public List<PrivateRedisServer> servers() {
        return List.copyOf(servers);
    }

    /** {@code host:port} of every node, comma-separated: the value of {@code spring.data.redis.cluster.nodes}. */
    public String nodes() {
        return servers.stream().map(server -> server.host() + ":" + server.port()).collect(Collectors.joining(","));
    }

    /** A started Lettuce connection factory to the cluster; the caller destroys it. */
    public LettuceConnectionFactory connectionFactory() {
        LettuceConnectionFactory connections = new LettuceConnectionFactory(
                new RedisClusterConfiguration(List.of(nodes().split(","))));
        connections.afterPropertiesSet();
        connections.start();
        return connections;
    }

    /** The node that now serves {@code key}'s slot as master, as a live node sees it. */
    public PrivateRedisServer masterOf(String key) throws IOException {
        PrivateRedisServer asked = live().get(0);
        long slot = (Long) asked.call("CLUSTER", "KEYSLOT", key);
        for (Object range : (List<?>) asked.call("CLUSTER", "SLOTS")) {
            List<?> fields = (List<?>) range;
            if ((Long) fields.get(0) <= slot && slot <= (Long) fields.get(1)) {
                long port = (Long) ((List<?>) fields.get(2)).get(1);
                return servers.stream().filter(server -> server.port() == port).findFirst().orElseThrow();
            }
        }
        throw new IllegalStateException("no node serves slot " + slot + " of key " + key);
    }

    /**
     * Waits until every live node says the cluster is ok with all slots served, and knows every live node as
     * connected; and every live replica's link to its master is up (a restarted node first rejoins as a replica,
     * then syncs).
     */
    public void awaitHealthy() {
        Await.until("the cluster on " + nodes() + " is healthy", READY_TIMEOUT, () -> {
            List<PrivateRedisServer> live = live();
            for (PrivateRedisServer server : live) {
                String info = (String) server.call("CLUSTER", "INFO");
                if (!info.contains("cluster_state:ok") || !info.contains("cluster_slots_ok:" + SLOTS)) {
                    return false;
                }
                List<String> nodes = clusterNodes(server);
                long connected = nodes.stream().filter(line -> line.contains(" connected")
                        && !line.contains("fail")).count();
                if (connected < live.size()) {
                    return false;
                }
                String replication = (String) server.call("INFO", "replication");
                if (replication.contains("role:slave") && !replication.contains("master_link_status:up")) {
                    return false;
                }
            }
            return true;
        });
    }

    /** The nodes whose process runs. */
    public List<PrivateRedisServer> live() {
        return servers.stream().filter(PrivateRedisServer::isRunning).toList();
    }

    private static List<String> clusterNodes(PrivateRedisServer server) throws IOException {
        return ((String) server.call("CLUSTER", "NODES")).lines().filter(line -> !line.isBlank()).toList();
    }

    @Override
    public void close() {
        servers.forEach(PrivateRedisServer::close);
    }

    @Override
    public String toString() {
        return "private Redis Cluster on " + nodes();
    }
}
