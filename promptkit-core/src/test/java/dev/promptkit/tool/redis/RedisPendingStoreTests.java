package dev.promptkit.tool.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.promptkit.test.RealRedis;
import dev.promptkit.state.redis.TestKeyPrefix;
import dev.promptkit.state.StoreUnavailableException;
import dev.promptkit.tool.PendingToolCall;
import dev.promptkit.tool.PendingToolCall.Decision;
import dev.promptkit.types.ToolResult;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;
import reactor.core.publisher.Flux;
import reactor.core.scheduler.Schedulers;
import tools.jackson.databind.json.JsonMapper;

@ExtendWith(RealRedis.class)
class RedisPendingStoreTests {

    private static final TestKeyPrefix PREFIX = TestKeyPrefix.random();
    private static final Duration TTL = Duration.ofMinutes(10);
    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    private static LettuceConnectionFactory connections;
    private static StringRedisTemplate redis;
    private static RedisPendingStore store;

    @BeforeAll
    static void connect(LettuceConnectionFactory factory) {
        connections = factory;
        redis = new StringRedisTemplate(factory);
        store = new RedisPendingStore(factory, JsonMapper.shared(), PREFIX.value(), TTL);
    }

    @AfterAll
    static void deleteKeys() {
        PREFIX.deleteKeys(connections);
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
        assertThat(redis.opsForZSet().size(PREFIX.value() + ":pending-index:{c1}")).isEqualTo(2);
        assertThat(redis.hasKey(PREFIX.value() + ":pending:{c1}:call_2")).isFalse();
        assertThat(store.list("other").block()).hasSize(1);
    }

    @Test
    void aCallHeldByAnEarlierVersionAsAPlainStringCanStillBeDecided() {
        PendingToolCall legacy = call("legacy", "call_1", T0);
        String key = PREFIX.value() + ":pending:{legacy}:call_1";
        redis.opsForValue().set(key, JsonMapper.shared().writeValueAsString(legacy), Duration.ofMinutes(5));
        redis.opsForZSet().add(PREFIX.value() + ":pending-index:{legacy}", "call_1", T0.toEpochMilli());

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
        assertThat(redis.hasKey(PREFIX.value() + ":pending:{gone-already}:call_1")).isFalse();
    }

    @Test
    void aCallAndItsIndexGetTheTimeToLive() {
        store.add(call("ttl", "call_1", T0)).block();

        for (String key : List.of(PREFIX.value() + ":pending:{ttl}:call_1", PREFIX.value() + ":pending-index:{ttl}")) {
            assertThat(redis.getExpire(key, TimeUnit.MILLISECONDS)).as(key)
                    .isBetween(TTL.minusSeconds(5).toMillis(), TTL.toMillis());
        }
    }

    @Test
    void ofEightConcurrentDecidersOnTwoInstancesExactlyOneWins(LettuceConnectionFactory otherInstance) {
        RedisPendingStore other = new RedisPendingStore(otherInstance, JsonMapper.shared(), PREFIX.value(), TTL);
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
        RedisPendingStore shortLived = new RedisPendingStore(connections, JsonMapper.shared(), PREFIX.value(),
                Duration.ofMillis(200));
        shortLived.add(call("expiring", "call_1", Instant.now())).block();
        assertThat(shortLived.list("expiring").block()).hasSize(1);

        Thread.sleep(400);

        assertThat(shortLived.list("expiring").block()).isEmpty();
        assertThat(shortLived.claim("expiring", "call_1", Decision.APPROVED).blockOptional()).isEmpty();
        assertThat(redis.hasKey(PREFIX.value() + ":pending-index:{expiring}")).isFalse();
    }

    @Test
    void listingDropsTheIndexEntriesOfCallsThatAreGone() {
        store.add(call("gone", "call_1", T0)).block();
        store.add(call("gone", "call_2", T0.plusSeconds(1))).block();
        redis.delete(PREFIX.value() + ":pending:{gone}:call_1");

        assertThat(store.list("gone").block()).extracting(PendingToolCall::id).containsExactly("call_2");
        assertThat(redis.opsForZSet().range(PREFIX.value() + ":pending-index:{gone}", 0, -1)).containsExactly("call_2");
    }

    @Test
    void anUnknownConversationHasNoHeldCalls() {
        assertThat(store.list("nobody").block()).isEmpty();
        assertThat(store.claim("nobody", "call_1", Decision.APPROVED).blockOptional()).isEmpty();
    }

    @Test
    void anUnreachableRedisFailsWithAStoreUnavailableException() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        LettuceConnectionFactory nowhere = new LettuceConnectionFactory(
                new RedisStandaloneConfiguration("127.0.0.1", closedPort));
        nowhere.afterPropertiesSet();
        nowhere.start();
        try {
            RedisPendingStore unreachable = new RedisPendingStore(nowhere);
            assertThatThrownBy(() -> unreachable.add(call("c1", "call_1", T0)).block())
                    .isInstanceOf(StoreUnavailableException.class)
                    .hasMessageStartingWith("Redis pending store could not hold call 'call_1' of conversation 'c1'")
                    .hasMessageContaining("127.0.0.1");
            assertThatThrownBy(() -> unreachable.list("c1").block()).isInstanceOf(StoreUnavailableException.class)
                    .hasMessageContaining("list the held calls of conversation 'c1'");
            assertThatThrownBy(() -> unreachable.claim("c1", "call_1", Decision.APPROVED).block())
                    .isInstanceOf(StoreUnavailableException.class)
                    .hasMessageContaining("decide call 'call_1' of conversation 'c1'");
        }
        finally {
            nowhere.destroy();
        }
    }

    @Test
    void rejectsATimeToLiveBelowOneMillisecond() {
        assertThatThrownBy(() -> new RedisPendingStore(connections, JsonMapper.shared(), "p", Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("ttl");
    }

    private static PendingToolCall call(String conversationId, String callId, Instant createdAt) {
        return new PendingToolCall(callId, conversationId, "process_refund",
                JsonMapper.shared().valueToTree(Map.of("order_id", "A-1", "amount", 250, "lines", List.of(1, 2))),
                "amount_over_limit", "Refunds over $100 need approval", createdAt);
    }
}
