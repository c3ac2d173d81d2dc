/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import dev.promptkit.pack.Pack;
import dev.promptkit.pack.PackLoader;
import dev.promptkit.sdk.Conversation;
import dev.promptkit.sdk.ConversationNotFoundException;
import dev.promptkit.sdk.ConversationOptions;
import dev.promptkit.sdk.PromptKit;
import dev.promptkit.state.redis.RedisKeyLayout;
import dev.promptkit.state.redis.RedisStateStore;
import dev.promptkit.test.Await;
import dev.promptkit.test.PrivateRedisCluster;
import dev.promptkit.test.PrivateRedisServer;
import dev.promptkit.tool.PendingResult;
import dev.promptkit.tool.PendingToolCall;
import dev.promptkit.tool.redis.RedisPendingStore;
import dev.promptkit.types.Message;
import dev.promptkit.types.Role;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.cluster.ClusterClientOptions;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.redis.connection.RedisClusterConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceClientConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import tools.jackson.databind.json.JsonMapper;

/**
 * A Redis Cluster of three masters with a replica each, two application instances whose stores wait for one replica
 * to confirm every write ({@code replicas = 1}), and twelve conversations under load, each taking turns on both
 * instances, every third one a refund held for approval, approved and continued on whichever instance comes next. A
 * master is killed with SIGKILL in the middle of it; its replica takes over; the killed node comes back as a replica
 * (until then the promoted master has no replica to confirm writes, which fail as unavailable: durability over
 * availability). Then: every turn a caller was told is stored is in the history, in order, and so is every approved
 * call whose continuation was acknowledged; every approved refund ran once; and every conversation goes on, except
 * one whose approved call lost its result to the outage (the claim reached a replica, keeping the result did not, in
 * the seconds the slot had no master): that call stays "running" until it expires, and is never run again.
 */
class RedisClusterFailoverTests {

    private static final Pack PACK = PackLoader.load(Path.of("src/test/resources/tools/tools.pack.json"));
    private static final String PREFIX = "failover";
    private static final int CONVERSATIONS = 12;
    private static final Duration PATIENCE = Duration.ofSeconds(90);

    private final RefundProvider model = new RefundProvider();
    private final List<Instance> instances = new ArrayList<>();
    private final Map<String, AtomicInteger> refunds = new ConcurrentHashMap<>();
    private final Map<String, List<String>> acknowledged = new ConcurrentHashMap<>();
    private final Map<String, List<String>> continued = new ConcurrentHashMap<>();
    private final Map<String, List<String>> failures = new ConcurrentHashMap<>();
    private final Set<String> stuck = ConcurrentHashMap.newKeySet();
    private volatile boolean stop;
    private PrivateRedisCluster cluster;

    @AfterEach
    void shutDown() {
        stop = true;
        instances.forEach(Instance::close);
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    void aMasterKilledMidLoadLosesNoAcknowledgedTurnAndRunsNoApprovedCallTwice() throws Exception {
        cluster = PrivateRedisCluster.startOrSkip(3, 1);
        instances.add(new Instance());
        instances.add(new Instance());
        List<String> ids = IntStream.range(0, CONVERSATIONS).mapToObj(i -> "conversation-" + i).toList();
        for (String id : ids) {
            acknowledged.put(id, new CopyOnWriteArrayList<>());
            continued.put(id, new CopyOnWriteArrayList<>());
            failures.put(id, new CopyOnWriteArrayList<>());
        }
        PrivateRedisServer victim = cluster.masterOf(metaKey(ids.get(0)));
        List<String> onVictim = new ArrayList<>();
        for (String id : ids) {
            if (cluster.masterOf(metaKey(id)) == victim) {
                onVictim.add(id);
            }
        }
        ExecutorService workers = Executors.newFixedThreadPool(CONVERSATIONS);
        ids.forEach(id -> workers.execute(() -> work(id)));

        awaitTurns(ids, Map.of(), 3, "before the kill");
        victim.kill();
        cluster.awaitHealthy();
        victim.start();
        cluster.awaitHealthy();
        Map<String, Integer> afterFailover = new ConcurrentHashMap<>();
        ids.forEach(id -> afterFailover.put(id, acknowledged.get(id).size()));
        awaitTurns(ids, afterFailover, 2, "after the failover");
        stop = true;
        workers.shutdown();
        assertThat(workers.awaitTermination(30, TimeUnit.SECONDS)).isTrue();

        RedisStateStore reader = instances.get(0).states;
        for (String id : ids) {
            List<Message> history = reader.load(id).block().messages();
            assertThat(history.stream().filter(message -> message.role() == Role.USER).map(Message::text).toList())
                    .as("the turns of %s its callers were told are stored", id)
                    .containsSubsequence(acknowledged.get(id));
            assertThat(history.stream().filter(message -> message.role() == Role.TOOL)
                    .map(message -> message.toolResult().id()).toList())
                    .as("the approved calls of %s whose continuation was acknowledged", id)
                    .containsAll(continued.get(id));
        }
        assertThat(refunds).as("approved refunds").isNotEmpty()
                .allSatisfy((order, runs) -> assertThat(runs).as(order).hasValue(1));
        assertThat(onVictim.stream().flatMap(id -> failures.get(id).stream()))
                .as("the conversations on the killed master saw the outage").isNotEmpty();
        System.out.printf("failover: %d conversations (%d on the killed master), %d acknowledged turns, %d refunds,"
                + " %d failed attempts, stuck with a running call: %s%n", CONVERSATIONS, onVictim.size(),
                acknowledged.values().stream().mapToInt(List::size).sum(), refunds.size(),
                failures.values().stream().mapToInt(List::size).sum(), stuck);
    }

    /** Takes turns on {@code id}, alternating instances, until told to stop; a failed attempt is tried again. */
    private void work(String id) {
        int attempt = 0;
        while (!stop && !stuck.contains(id)) {
            Instance at = instances.get(attempt++ % 2);
            try {
                Conversation chat = at.open(id);
                List<PendingToolCall> open = open(chat, at.pending.list(id).block());
                if (!open.isEmpty()) {
                    settle(id, chat, open.get(0));
                    continue;
                }
                int turn = acknowledged.get(id).size();
                String text = (turn % 3 == 2 ? "refund " : "") + id + "-turn-" + turn;
                chat.send(text);
                acknowledged.get(id).add(text);
            }
            catch (RuntimeException failed) {
                failures.get(id).add(LocalTime.now() + " " + failed.getClass().getSimpleName() + ": "
                        + failed.getMessage());
                pause();
            }
        }
    }

    /**
     * The held calls the conversation still has to go on from: a settled call whose result the history holds already
     * is one whose removal failed after its turn was stored, and stays listed until it expires.
     */
    private static List<PendingToolCall> open(Conversation chat, List<PendingToolCall> held) {
        Set<String> answered = new HashSet<>();
        chat.messages().stream().filter(message -> message.role() == Role.TOOL)
                .forEach(message -> answered.add(message.toolResult().id()));
        return held.stream().filter(call -> !call.isSettled() || !answered.contains(call.id())).toList();
    }

    /** Carries on a turn that holds a call: approves it if it waits, then continues. */
    private void settle(String id, Conversation chat, PendingToolCall call) {
        if (call.isRunning()) {
            stuck.add(id);
            return;
        }
        if (call.isWaiting()) {
            chat.resolveTool(call.id());
        }
        chat.continueTurn();
        continued.get(id).add(call.id());
    }

    private void awaitTurns(List<String> ids, Map<String, Integer> from, int turns, String when) {
        try {
            Await.until("every conversation has " + turns + " more acknowledged turns " + when, PATIENCE,
                    () -> ids.stream().allMatch(id -> lagging(id, from, turns) == null));
        }
        catch (IllegalStateException late) {
            throw new AssertionError(late.getMessage() + "; lagging: " + ids.stream().map(id -> lagging(id, from, turns))
                    .filter(Objects::nonNull).toList(), late);
        }
    }

    /** Null when {@code id} has {@code turns} acknowledged turns more than {@code from} (or is stuck); else why not. */
    private String lagging(String id, Map<String, Integer> from, int turns) {
        if (stuck.contains(id) || acknowledged.get(id).size() >= from.getOrDefault(id, 0) + turns) {
            return null;
        }
        List<String> failed = failures.get(id);
        return id + " (" + acknowledged.get(id).size() + " turns, last failures: "
                + failed.size() + " failures, last: " + failed.subList(Math.max(0, failed.size() - 8), failed.size()) + ")";
    }

    private static String metaKey(String id) {
        return new RedisKeyLayout(PREFIX).conversation(id).get(0);
    }

    private static void pause() {
        try {
            Thread.sleep(100);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * One application instance: Lettuce connections to the cluster as Spring Boot makes them (cluster client options
     * with Lettuce's default topology refresh: all adaptive triggers), 3 s command timeout, stores that wait for a
     * replica.
     */
    private final class Instance implements AutoCloseable {

        final LettuceConnectionFactory connections;
        final RedisStateStore states;
        final RedisPendingStore pending;

        Instance() throws IOException {
            Duration timeout = Duration.ofSeconds(3);
            connections = new LettuceConnectionFactory(new RedisClusterConfiguration(List.of(cluster.nodes().split(","))),
                    LettuceClientConfiguration.builder().commandTimeout(timeout).clientOptions(ClusterClientOptions
                            .builder().timeoutOptions(TimeoutOptions.enabled()).build()).build());
            connections.afterPropertiesSet();
            connections.start();
            states = new RedisStateStore(connections, JsonMapper.shared(), PREFIX, Duration.ofMinutes(10), timeout, 1);
            pending = new RedisPendingStore(connections, JsonMapper.shared(), PREFIX, Duration.ofMinutes(10), timeout,
                    1);
        }

        /** The stored conversation, or a new one when there is none yet. */
        Conversation open(String id) {
            ConversationOptions options = ConversationOptions.builder().provider(model).stateStore(states)
                    .state(state -> state.withPendingStore(pending)).conversationId(id).build();
            Conversation chat;
            try {
                chat = PromptKit.resume(id, PACK, "assistant", options);
            }
            catch (ConversationNotFoundException none) {
                chat = PromptKit.open(PACK, "assistant", options);
            }
            chat.onToolAsync("process_refund", args -> new PendingResult("amount_over_limit", "Needs approval"),
                    args -> "refunded " + args.get("order_id") + " (run " + refunds.computeIfAbsent(
                            (String) args.get("order_id"), order -> new AtomicInteger()).incrementAndGet() + ")");
            return chat;
        }

        @Override
        public void close() {
            connections.destroy();
        }
    }
}
