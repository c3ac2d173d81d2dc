/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.benchmarks.driver;

import io.lettuce.core.KeyScanCursor;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisFuture;
import io.lettuce.core.RedisURI;
import io.lettuce.core.ScanArgs;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.cluster.RedisClusterClient;
import io.lettuce.core.cluster.api.StatefulRedisClusterConnection;
import io.lettuce.core.cluster.api.async.RedisClusterAsyncCommands;
import io.lettuce.core.cluster.api.sync.RedisClusterCommands;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/** Reads every conversation the soak's app stored back from Redis, or from a Redis Cluster, for {@link SoakCheck}. */
final class StoredConversations {

    private StoredConversations() {
    }

    /**
     * Every conversation under {@code prefix:conversation:*} in database {@code db} of the Redis at {@code host:port},
     * or, with {@code clusterNodes} ({@code host:port,…}), on that Redis Cluster (every master scanned), with all three
     * keys read.
     */
    static Map<String, SoakCheck.Stored> read(String host, int port, int db, String clusterNodes, String prefix)
            throws Exception {
        if (clusterNodes == null) {
            RedisClient client = RedisClient.create(RedisURI.builder().withHost(host).withPort(port).withDatabase(db)
                    .build());
            try (StatefulRedisConnection<String, String> connection = client.connect()) {
                return read(connection.sync(), connection.async(), prefix);
            }
            finally {
                client.shutdown();
            }
        }
        List<RedisURI> nodes = new ArrayList<>();
        for (String node : clusterNodes.split(",")) {
            String[] hostAndPort = node.trim().split(":");
            nodes.add(RedisURI.create(hostAndPort[0], Integer.parseInt(hostAndPort[1])));
        }
        RedisClusterClient client = RedisClusterClient.create(nodes);
        try (StatefulRedisClusterConnection<String, String> connection = client.connect()) {
            return read(connection.sync(), connection.async(), prefix);
        }
        finally {
            client.shutdown();
        }
    }

    /**
     * The conversations under {@code prefix:conversation:{id}:…} (the id in braces, the keys' hash tag), found by a
     * scan and read in pipelined batches.
     */
    private static Map<String, SoakCheck.Stored> read(RedisClusterCommands<String, String> sync,
            RedisClusterAsyncCommands<String, String> async, String prefix) throws Exception {
        Set<String> ids = new HashSet<>();
        List<String> otherKeys = new ArrayList<>();
        String conversationPrefix = prefix + ":conversation:{";
        ScanArgs args = ScanArgs.Builder.matches(prefix + ":*").limit(1000);
        KeyScanCursor<String> cursor = sync.scan(args);
        while (true) {
            for (String key : cursor.getKeys()) {
                int last = key.lastIndexOf(':');
                String suffix = last < 0 ? "" : key.substring(last + 1);
                if (key.startsWith(conversationPrefix) && key.charAt(last - 1) == '}'
                        && (suffix.equals("meta") || suffix.equals("messages") || suffix.equals("metadata"))) {
                    ids.add(key.substring(conversationPrefix.length(), last - 1));
                }
                else {
                    otherKeys.add(key);
                }
            }
            if (cursor.isFinished()) {
                break;
            }
            cursor = sync.scan(cursor, args);
        }
        // pending tool calls or anything else: none expected; they show as conversations of their own id
        for (String key : otherKeys) {
            ids.add("<other key> " + key);
        }
        Map<String, SoakCheck.Stored> out = new HashMap<>(ids.size() * 2);
        List<String> batch = new ArrayList<>();
        for (String id : ids) {
            batch.add(id);
            if (batch.size() == 500) {
                readBatch(async, prefix + ":conversation:", batch, out);
                batch.clear();
            }
        }
        readBatch(async, prefix + ":conversation:", batch, out);
        return out;
    }

    private static void readBatch(RedisClusterAsyncCommands<String, String> async, String conversationPrefix,
            List<String> ids, Map<String, SoakCheck.Stored> out) throws Exception {
        List<RedisFuture<String>> metas = new ArrayList<>();
        List<RedisFuture<List<String>>> messages = new ArrayList<>();
        List<RedisFuture<Map<String, String>>> metadata = new ArrayList<>();
        List<RedisFuture<Long>> ttls = new ArrayList<>();
        for (String id : ids) {
            String base = conversationPrefix + "{" + id + "}";
            if (id.startsWith("<other key> ")) {
                metas.add(null);
                messages.add(null);
                metadata.add(null);
                ttls.add(null);
                continue;
            }
            metas.add(async.get(base + ":meta"));
            messages.add(async.lrange(base + ":messages", 0, -1));
            metadata.add(async.hgetall(base + ":metadata"));
            ttls.add(async.pttl(base + ":meta"));
        }
        for (int i = 0; i < ids.size(); i++) {
            if (metas.get(i) == null) {
                out.put(ids.get(i), new SoakCheck.Stored(ids.get(i), null, List.of(), Map.of(), null));
                continue;
            }
            out.put(ids.get(i), new SoakCheck.Stored(ids.get(i), metas.get(i).get(30, TimeUnit.SECONDS),
                    messages.get(i).get(30, TimeUnit.SECONDS), metadata.get(i).get(30, TimeUnit.SECONDS),
                    ttls.get(i).get(30, TimeUnit.SECONDS)));
        }
    }
}
