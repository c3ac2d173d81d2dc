/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.tool.redis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.promptkit.state.redis.RedisStoreContract;
import dev.promptkit.tool.PendingToolCall;
import dev.promptkit.tool.PendingToolCall.Decision;
import dev.promptkit.types.ToolResult;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.scheduler.Schedulers;
import tools.jackson.databind.json.JsonMapper;

/**
 * What a {@link RedisPendingStore} does on any Redis topology; {@link RedisPendingStoreTests} runs it on a single
 * Redis, {@link RedisClusterPendingStoreTests} on a Redis Cluster.
 */
abstract class RedisPendingStoreContract extends RedisStoreContract {

    static final Duration TTL = Duration.ofMinutes(10);
    static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    RedisPendingStore store;

    @BeforeEach
    void createStore() {
        store = new RedisPendingStore(connections, JsonMapper.shared(), keyPrefix(), TTL);
    }

    @Test
    void heldCallsAreListedOldestFirstDecidedOnceAndKeepTheirResultUntilRemoved() {
        PendingToolCall newest = call("c1", "call_3", T0.plusSeconds(2));
        PendingToolCall oldest = call("c1", "call_1", T0);
        PendingToolCall middle = call("c1", "call_2", T0.plusSeconds(1));
        for (PendingToolCall held : List.of(newest, oldest, middle)) {
            store.add(held).block();
        }
        store.add(call("other", "call_9", T0)).block();
        assertThat(store.list("c1").block()).containsExactly(oldest, middle, newest).allMatch(PendingToolCall::isWaiting);

        PendingToolCall claimed = store.claim("c1", "call_2", Decision.APPROVED).block();

        assertThat(claimed).isEqualTo(middle.withDecision(Decision.APPROVED));
        assertThat(claimed.isRunning()).isTrue();
        assertThat(store.claim("c1", "call_2", Decision.APPROVED).blockOptional()).as("already decided").isEmpty();
        assertThat(store.claim("c1", "call_2", Decision.REJECTED).blockOptional()).as("already decided").isEmpty();
        assertThat(store.list("c1").block()).containsExactly(oldest, claimed, newest);

        ToolResult result = ToolResult.success("call_2", "process_refund", "{\"refunded\":250}", 12);
        assertThat(store.complete("c1", "call_2", result).block()).isTrue();

        PendingToolCall settled = store.list("c1").block().get(1);
        assertThat(settled.isSettled()).isTrue();
        assertThat(settled.result()).isEqualTo(result);
        assertThat(settled.decision()).isEqualTo(Decision.APPROVED);

        store.remove("c1", List.of("call_2", "call_unknown")).block();

        assertThat(store.list("c1").block()).containsExactly(oldest, newest);
        assertThat(redis.opsForZSet().size(keyPrefix() + ":pending-index:{c1}")).isEqualTo(2);
        assertThat(redis.hasKey(keyPrefix() + ":pending:{c1}:call_2")).isFalse();
        assertThat(store.list("other").block()).hasSize(1);
    }

    @Test
    void aCallHeldByAnEarlierVersionAsAPlainStringCanStillBeDecided() {
        PendingToolCall legacy = call("legacy", "call_1", T0);
        String key = keyPrefix() + ":pending:{legacy}:call_1";
        redis.opsForValue().set(key, JsonMapper.shared().writeValueAsString(legacy), Duration.ofMinutes(5));
        redis.opsForZSet().add(keyPrefix() + ":pending-index:{legacy}", "call_1", T0.toEpochMilli());

        assertThat(store.list("legacy").block()).containsExactly(legacy);
        assertThat(store.claim("legacy", "call_1", Decision.REJECTED).block()).isEqualTo(
                legacy.withDecision(Decision.REJECTED));
        assertThat(redis.getExpire(key, TimeUnit.MILLISECONDS)).as("the time to live was kept")
                .isBetween(Duration.ofMinutes(4).toMillis(), Duration.ofMinutes(5).toMillis());
    }

    @Test
    void aResultForACallNoLongerHeldIsNotKept() {
        assertThat(store.complete("gone-already", "call_1",
                ToolResult.failure("call_1", "process_refund", "rejected", 0)).block()).isFalse();
        assertThat(redis.hasKey(keyPrefix() + ":pending:{gone-already}:call_1")).isFalse();
    }

    @Test
    void aCallAndItsIndexGetTheTimeToLive() {
        store.add(call("ttl", "call_1", T0)).block();

        for (String key : List.of(keyPrefix() + ":pending:{ttl}:call_1", keyPrefix() + ":pending-index:{ttl}")) {
            assertThat(redis.getExpire(key, TimeUnit.MILLISECONDS)).as(key)
                    .isBetween(TTL.minusSeconds(5).toMillis(), TTL.toMillis());
        }
    }

    @Test
    void ofEightConcurrentDecidersOnTwoInstancesExactlyOneWins() {
        RedisPendingStore other = new RedisPendingStore(otherInstance(), JsonMapper.shared(), keyPrefix(), TTL);
        for (int round = 0; round < 20; round++) {
            String callId = "call_" + round;
            store.add(call("race", callId, T0)).block();

            List<Optional<PendingToolCall>> outcomes = Flux.range(0, 8)
                    .flatMap(n -> (n % 2 == 0 ? store : other).claim("race", callId,
                                    n % 3 == 0 ? Decision.REJECTED : Decision.APPROVED).map(Optional::of)
                            .defaultIfEmpty(Optional.<PendingToolCall>empty()).subscribeOn(Schedulers.parallel()))
                    .collectList().block(Duration.ofSeconds(10));

            assertThat(outcomes).as("round %d", round).hasSize(8).filteredOn(Optional::isPresent).hasSize(1);
            Decision winner = outcomes.stream().flatMap(Optional::stream).findFirst().orElseThrow().decision();
            assertThat(store.list("race").block()).filteredOn(held -> held.id().equals(callId))
                    .extracting(PendingToolCall::decision).containsExactly(winner);
        }
        assertThat(store.list("race").block()).hasSize(20).noneMatch(PendingToolCall::isWaiting);
    }

    @Test
    void heldCallsExpireAfterTheirTimeToLive() throws InterruptedException {
        RedisPendingStore shortLived = new RedisPendingStore(connections, JsonMapper.shared(), keyPrefix(),
                Duration.ofMillis(200));
        shortLived.add(call("expiring", "call_1", Instant.now())).block();
        assertThat(shortLived.list("expiring").block()).hasSize(1);

        Thread.sleep(400);

        assertThat(shortLived.list("expiring").block()).isEmpty();
        assertThat(shortLived.claim("expiring", "call_1", Decision.APPROVED).blockOptional()).isEmpty();
        assertThat(redis.hasKey(keyPrefix() + ":pending-index:{expiring}")).isFalse();
    }

    @Test
    void listingDropsTheIndexEntriesOfCallsThatAreGone() {
        store.add(call("gone", "call_1", T0)).block();
        store.add(call("gone", "call_2", T0.plusSeconds(1))).block();
        redis.delete(keyPrefix() + ":pending:{gone}:call_1");

        assertThat(store.list("gone").block()).extracting(PendingToolCall::id).containsExactly("call_2");
        assertThat(redis.opsForZSet().range(keyPrefix() + ":pending-index:{gone}", 0, -1)).containsExactly("call_2");
    }

    @Test
    void anUnknownConversationHasNoHeldCalls() {
        assertThat(store.list("nobody").block()).isEmpty();
        assertThat(store.claim("nobody", "call_1", Decision.APPROVED).blockOptional()).isEmpty();
    }

    static PendingToolCall call(String conversationId, String callId, Instant createdAt) {
        return new PendingToolCall(callId, conversationId, "process_refund",
                JsonMapper.shared().valueToTree(Map.of("order_id", "A-1", "amount", 250, "lines", List.of(1, 2))),
                "amount_over_limit", "Refunds over $100 need approval", createdAt);
    }
}
