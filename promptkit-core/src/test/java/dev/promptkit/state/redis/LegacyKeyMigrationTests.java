/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.state.redis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.promptkit.state.ConversationState;
import dev.promptkit.test.PrivateRedisCluster;
import dev.promptkit.test.RealRedis;
import dev.promptkit.test.SharedRedisCluster;
import dev.promptkit.tool.PendingToolCall;
import dev.promptkit.tool.PendingToolCall.Decision;
import dev.promptkit.tool.redis.RedisPendingStore;
import dev.promptkit.types.Message;
import dev.promptkit.types.ToolResult;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Data written in the layout of PromptKit for Spring 0.1 (no hash tags), key by key as that version wrote it, moved
 * by {@link LegacyKeyMigration} and then read through the stores.
 */
@ExtendWith({ RealRedis.class, SharedRedisCluster.class })
class LegacyKeyMigrationTests {

    private static final TestKeyPrefix PREFIX = TestKeyPrefix.random();
    private static final JsonMapper JSON = JsonMapper.shared();
    private static final Duration TTL = Duration.ofMinutes(10);
    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    private static LettuceConnectionFactory connections;
    private static StringRedisTemplate redis;

    @BeforeAll
    static void connect(LettuceConnectionFactory factory) {
        connections = factory;
        redis = new StringRedisTemplate(factory);
    }

    @AfterAll
    static void deleteKeys() {
        PREFIX.deleteKeys(connections);
    }

    @Test
    void conversationsAndHeldCallsInTheOldLayoutAreMovedWithTheirVersionsAndTimesToLive() {
        String p = PREFIX.value();
        oldConversation("old-1", 3, Message.user("hi"), Message.assistant("hello"));
        oldConversation("a:b", 1, Message.user("an id with a colon"));
        oldConversation("{x}", 1, Message.user("an id in braces"));
        oldConversation("}bad", 1, Message.user("an id that cannot be a hash tag"));
        oldConversation("both", 1, Message.user("the old one"));
        RedisStateStore states = new RedisStateStore(connections, JSON, p, TTL);
        states.append("both", List.of(Message.user("written since by the new version")), Map.of()).block();

        PendingToolCall plain = call("old-1", "call_1");
        redis.opsForValue().set(p + ":pending:old-1:call_1", JSON.writeValueAsString(plain), Duration.ofMinutes(5));
        PendingToolCall decided = call("old-1", "call_2");
        ToolResult result = ToolResult.success("call_2", "process_refund", "{\"refunded\":250}", 12);
        redis.opsForHash().putAll(p + ":pending:old-1:call_2", Map.of("call", JSON.writeValueAsString(decided),
                "decision", "approved", "result", JSON.writeValueAsString(result)));
        redis.expire(p + ":pending:old-1:call_2", Duration.ofMinutes(5));
        redis.opsForZSet().add(p + ":pending-index:old-1", "call_1", T0.toEpochMilli());
        redis.opsForZSet().add(p + ":pending-index:old-1", "call_2", T0.plusSeconds(1).toEpochMilli());
        redis.expire(p + ":pending-index:old-1", Duration.ofMinutes(5));
        PendingToolCall colon = call("a:b", "c");
        redis.opsForHash().put(p + ":pending:a:b:c", "call", JSON.writeValueAsString(colon));
        redis.opsForZSet().add(p + ":pending-index:a:b", "c", T0.toEpochMilli());

        LegacyKeyMigration.Result moved = new LegacyKeyMigration(connections, p).migrate().block();

        assertThat(moved).isEqualTo(new LegacyKeyMigration.Result(3, 3, 2));
        ConversationState old = states.load("old-1").block();
        assertThat(old.messages()).extracting(Message::text).containsExactly("hi", "hello");
        assertThat(old.metadata()).containsOnly(Map.entry("var.a", "1"));
        assertThat(old.version()).isEqualTo(3);
        assertThat(states.load("a:b").block().messages()).extracting(Message::text).containsExactly(
                "an id with a colon");
        assertThat(states.load("{x}").block().messages()).extracting(Message::text).containsExactly("an id in braces");
        assertThat(states.load("both").block().messages()).extracting(Message::text)
                .containsExactly("written since by the new version");
        for (String key : new RedisKeyLayout(p).conversation("old-1")) {
            assertThat(redis.getExpire(key, TimeUnit.SECONDS)).as(key).isBetween(TTL.toSeconds() - 60, TTL.toSeconds());
        }
        assertThat(redis.hasKey(p + ":conversation:old-1:meta")).isFalse();
        assertThat(redis.hasKey(p + ":conversation:}bad:meta")).as("left as it was").isTrue();
        assertThat(redis.hasKey(p + ":conversation:both:messages")).as("left to expire").isTrue();

        RedisPendingStore pending = new RedisPendingStore(connections, JSON, p, TTL);
        assertThat(pending.list("old-1").block()).containsExactly(plain,
                decided.withDecision(Decision.APPROVED).withResult(result));
        assertThat(pending.claim("old-1", "call_1", Decision.REJECTED).block())
                .as("the plain-string call of the earliest versions can still be decided")
                .isEqualTo(plain.withDecision(Decision.REJECTED));
        assertThat(pending.list("a:b").block()).containsExactly(colon);
        assertThat(redis.getExpire(new RedisKeyLayout(p).pendingCall("old-1", "call_1"), TimeUnit.SECONDS))
                .isBetween(240L, 300L);
        assertThat(redis.getExpire(new RedisKeyLayout(p).pendingIndex("old-1"), TimeUnit.SECONDS))
                .isBetween(240L, 300L);
        assertThat(redis.hasKey(p + ":pending-index:old-1")).as("emptied, so gone").isFalse();
        assertThat(redis.hasKey(p + ":pending:a:b:c")).isFalse();

        assertThat(new LegacyKeyMigration(connections, p).migrate().block()).as("a second run moves nothing")
                .isEqualTo(new LegacyKeyMigration.Result(0, 0, 2));
        assertThat(states.load("old-1").block().version()).isEqualTo(3);
    }

    @Test
    void onRedisClusterThereIsNothingToMove(PrivateRedisCluster cluster) {
        LettuceConnectionFactory clusterConnections = cluster.connectionFactory();
        try {
            assertThat(new LegacyKeyMigration(clusterConnections, "promptkit").migrate().block())
                    .isEqualTo(new LegacyKeyMigration.Result(0, 0, 0));
        }
        finally {
            clusterConnections.destroy();
        }
    }

    /** A conversation as version 0.1 wrote it: its three keys without a hash tag, with a time to live. */
    private static void oldConversation(String id, long version, Message... messages) {
        String base = PREFIX.value() + ":conversation:" + id;
        redis.opsForValue().set(base + ":meta", "{\"id\":\"" + id.replace("\"", "\\\"") + "\",\"updated_at\":\""
                + T0 + "\",\"message_count\":" + messages.length + ",\"version\":" + version + "}", TTL);
        for (Message message : messages) {
            redis.opsForList().rightPush(base + ":messages", JSON.writeValueAsString(message));
        }
        redis.opsForHash().put(base + ":metadata", "user.var.a", "\"1\"");
        redis.expire(base + ":messages", TTL);
        redis.expire(base + ":metadata", TTL);
    }

    private static PendingToolCall call(String conversationId, String callId) {
        return new PendingToolCall(callId, conversationId, "process_refund",
                JSON.valueToTree(Map.of("order_id", "A-1", "amount", 250)), "amount_over_limit", "Needs approval", T0);
    }
}
