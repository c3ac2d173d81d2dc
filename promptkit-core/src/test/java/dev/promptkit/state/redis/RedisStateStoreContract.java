/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.state.redis;

import dev.promptkit.state.ConversationConflictException;
import dev.promptkit.state.ConversationState;
import dev.promptkit.state.StateStoreException;
import dev.promptkit.types.ContentPart;
import dev.promptkit.types.CostInfo;
import dev.promptkit.types.MediaContent;
import dev.promptkit.types.Message;
import dev.promptkit.types.ToolCall;
import dev.promptkit.types.ToolResult;
import dev.promptkit.types.ValidationResult;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.scheduler.Schedulers;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What a {@link RedisStateStore} does on any Redis topology; {@link RedisStateStoreTests} runs it on a single Redis,
 * {@link RedisClusterStateStoreTests} on a Redis Cluster.
 */
abstract class RedisStateStoreContract extends RedisStoreContract {

    static final Duration TTL = Duration.ofMinutes(10);
    static final JsonMapper JSON = JsonMapper.shared();

    RedisStateStore store;

    @BeforeEach
    void createStore() {
        store = new RedisStateStore(connections, JSON, keyPrefix(), TTL);
    }

    @Test
    void appendCreatesThenExtendsAConversationAndMergesMetadata() {
        store.append("append", List.of(Message.user("hi"), Message.assistant("hello")), Map.of("var.a", "1")).block();
        store.append("append", List.of(Message.user("again")), Map.of("var.b", "2", "var.a", "3")).block();

        ConversationState state = store.load("append").block();
        assertThat(state.id()).isEqualTo("append");
        assertThat(state.messages()).extracting(Message::text).containsExactly("hi", "hello", "again");
        assertThat(state.metadata()).containsOnly(Map.entry("var.a", "3"), Map.entry("var.b", "2"));
        assertThat(state.updatedAt()).isBetween(Instant.now().minusSeconds(60), Instant.now());
    }

    @Test
    void loadOfAnUnknownConversationIsEmpty() {
        assertThat(store.load("nope").blockOptional()).isEmpty();
    }

    @Test
    void everyWriteGivesAllThreeKeysTheTimeToLive() {
        store.append("ttl", List.of(Message.user("hi")), Map.of("var.a", "1")).block();

        for (String key : keys("ttl")) {
            assertThat(pttl(key)).as(key).isBetween(TTL.minusSeconds(5).toMillis(), TTL.toMillis());
        }
    }

    @Test
    void readsAndWritesSlideTheTimeToLive() {
        store.append("sliding", List.of(Message.user("hi")), Map.of("var.a", "1")).block();
        keys("sliding").forEach(key -> redis.expire(key, Duration.ofSeconds(5)));

        store.load("sliding").block();
        keys("sliding").forEach(key -> assertThat(pttl(key)).as("after a load: " + key)
                .isGreaterThan(TTL.minusSeconds(5).toMillis()));

        keys("sliding").forEach(key -> redis.expire(key, Duration.ofSeconds(5)));
        store.append("sliding", List.of(), Map.of()).block();
        keys("sliding").forEach(key -> assertThat(pttl(key)).as("after an append: " + key)
                .isGreaterThan(TTL.minusSeconds(5).toMillis()));
    }

    @Test
    void aConversationExpiresOnceItsTimeToLiveRunsOut() throws InterruptedException {
        RedisStateStore shortLived = new RedisStateStore(connections, JSON, keyPrefix(), Duration.ofMillis(200));
        shortLived.append("expiring", List.of(Message.user("hi")), Map.of("var.a", "1")).block();
        assertThat(shortLived.load("expiring").blockOptional()).isPresent();

        Thread.sleep(400);

        assertThat(shortLived.load("expiring").blockOptional()).isEmpty();
        assertThat(redis.countExistingKeys(keys("expiring"))).isZero();
    }

    @Test
    void aZeroTimeToLiveMeansNoExpiryEvenForAConversationThatHadOne() {
        store.append("forever", List.of(Message.user("hi")), Map.of("var.a", "1")).block();
        RedisStateStore noExpiry = new RedisStateStore(connections, JSON, keyPrefix(), Duration.ZERO);

        noExpiry.append("forever", List.of(Message.user("again")), Map.of()).block();

        keys("forever").forEach(key -> assertThat(pttl(key)).as(key).isEqualTo(-1));
    }

    @Test
    void forkCopiesOnTheServerAndTheBranchesStayApart() {
        store.append("source", List.of(Message.user("shared")), Map.of("var.x", "1")).block();
        String unknownToThisVersion = "{\"role\":\"assistant\",\"content\":\"raw\",\"reasoning\":\"kept\"}";
        redis.opsForList().rightPush(keys("source").get(1), unknownToThisVersion);

        assertThat(store.fork("source", "branch").block()).isTrue();

        assertThat(redis.opsForList().range(keys("branch").get(1), 0, -1))
                .as("copied byte for byte, so never decoded and re-encoded in the JVM")
                .isEqualTo(redis.opsForList().range(keys("source").get(1), 0, -1))
                .contains(unknownToThisVersion);
        assertThat(JSON.readTree(redis.opsForValue().get(keys("branch").get(0))).path("id").asString())
                .isEqualTo("branch");
        keys("branch").forEach(key -> assertThat(pttl(key)).as(key).isGreaterThan(TTL.minusSeconds(5).toMillis()));

        store.append("branch", List.of(Message.user("only in branch")), Map.of("var.y", "2")).block();
        store.append("source", List.of(Message.user("only in source")), Map.of()).block();

        assertThat(store.load("source").block().messages()).extracting(Message::text)
                .containsExactly("shared", "raw", "only in source");
        ConversationState branch = store.load("branch").block();
        assertThat(branch.messages()).extracting(Message::text).containsExactly("shared", "raw", "only in branch");
        assertThat(branch.metadata()).containsOnly(Map.entry("var.x", "1"), Map.entry("var.y", "2"));
        assertThat(store.load("source").block().metadata()).containsOnly(Map.entry("var.x", "1"));
    }

    @Test
    void forkReplacesAnExistingTarget() {
        store.append("new-source", List.of(Message.user("new")), Map.of()).block();
        store.append("old-target", List.of(Message.user("old")), Map.of("var.old", "1")).block();

        assertThat(store.fork("new-source", "old-target").block()).isTrue();

        ConversationState target = store.load("old-target").block();
        assertThat(target.messages()).extracting(Message::text).containsExactly("new");
        assertThat(target.metadata()).isEmpty();
    }

    @Test
    void forkOfAnUnknownConversationWritesNothing() {
        assertThat(store.fork("missing", "missing-branch").block()).isFalse();
        assertThat(redis.countExistingKeys(keys("missing-branch"))).isZero();
    }

    @Test
    void saveReplacesMessagesAndMetadataAndDeleteRemoves() {
        store.append("saved", List.of(Message.user("old")), Map.of("var.old", "1")).block();

        store.save(new ConversationState("saved", List.of(Message.user("new")), Map.of("var.k", "v"), null)).block();

        ConversationState saved = store.load("saved").block();
        assertThat(saved.messages()).extracting(Message::text).containsExactly("new");
        assertThat(saved.metadata()).containsOnly(Map.entry("var.k", "v"));

        store.save(ConversationState.empty("saved")).block();
        assertThat(store.load("saved").block().messages()).as("a cleared conversation still exists").isEmpty();

        assertThat(store.delete("saved").block()).isTrue();
        assertThat(store.delete("saved").block()).isFalse();
        assertThat(store.load("saved").blockOptional()).isEmpty();
    }

    @Test
    void theStoredJsonHasTheShapeOfTheMessageRecords() {
        List<Message> messages = richMessages();
        store.append("shape", messages, Map.of("var.city", "Paris")).block();

        assertThat(store.load("shape").block().messages()).isEqualTo(messages);
        assertThat(redis.opsForList().range(keys("shape").get(1), 0, -1))
                .as("one element per message, as its record's Jackson annotations write it")
                .containsExactlyElementsOf(messages.stream().map(JSON::writeValueAsString).toList());
        assertThat(redis.<String, String>opsForHash().entries(keys("shape").get(2)))
                .as("Go's layout: user.<key> fields holding JSON values")
                .containsOnly(Map.entry("user.var.city", "\"Paris\""));
        JsonNode meta = JSON.readTree(redis.opsForValue().get(keys("shape").get(0)));
        assertThat(meta.path("id").asString()).isEqualTo("shape");
        assertThat(meta.path("message_count").asInt()).isEqualTo(messages.size());
        assertThat(Instant.parse(meta.path("updated_at").asString())).isBefore(Instant.now());
    }

    @Test
    void concurrentAppendsFromTwoInstancesNeverInterleaveATurn() {
        RedisStateStore other = new RedisStateStore(otherInstance(), JSON, keyPrefix(), TTL);
        int writers = 8;
        int turns = 25;
        int perTurn = 4;

        Flux.range(0, writers * turns)
                .flatMap(n -> (n % 2 == 0 ? store : other).append("busy", turn(n, perTurn), Map.of("var." + n, "x"))
                        .subscribeOn(Schedulers.parallel()), writers)
                .blockLast(Duration.ofSeconds(60));

        ConversationState state = store.load("busy").block();
        assertThat(state.messages()).hasSize(writers * turns * perTurn);
        assertThat(state.metadata()).hasSize(writers * turns);
        List<String> texts = state.messages().stream().map(Message::text).toList();
        for (int start = 0; start < texts.size(); start += perTurn) {
            String turnId = texts.get(start).split("/")[0];
            assertThat(texts.subList(start, start + perTurn)).as("turn at %d", start)
                    .containsExactlyElementsOf(IntStream.range(0, perTurn).mapToObj(i -> turnId + "/" + i).toList());
        }
    }

    @Test
    void aLongConversationIsWrittenInOneScript() {
        List<Message> many = IntStream.range(0, 10_000).mapToObj(i -> Message.user("m" + i)).toList();

        store.save(new ConversationState("long", many, Map.of(), null)).block();

        assertThat(store.load("long").block().messages()).hasSize(10_000).last()
                .extracting(Message::text).isEqualTo("m9999");
    }

    @Test
    void aKeyOfAnotherTypeFailsTheAppendBeforeAnythingIsWritten() {
        redis.opsForValue().set(keys("foreign").get(2), "not a hash");

        assertThatThrownBy(() -> store.append("foreign", List.of(Message.user("hi")), Map.of("var.a", "1")).block())
                .isInstanceOf(StateStoreException.class)
                .hasMessageContaining("append to conversation 'foreign'")
                .hasMessageContaining("WRONGTYPE");
        assertThat(redis.hasKey(keys("foreign").get(1))).as("no message was pushed").isFalse();
        assertThat(redis.hasKey(keys("foreign").get(0))).isFalse();
    }

    @Test
    void theVersionCountsHistoryWritesAndAStaleAppendWritesNothing() {
        store.append("versions", List.of(Message.user("hi"), Message.assistant("hello")), Map.of("var.a", "1"), 0)
                .block();
        assertThat(store.load("versions").block().version()).isEqualTo(1);
        store.append("versions", List.of(), Map.of("var.a", "2"), 1).block();
        assertThat(store.load("versions").block().version()).as("metadata alone is no new version").isEqualTo(1);

        assertThatThrownBy(() -> store.append("versions", List.of(Message.user("late")), Map.of("var.a", "3"), 0)
                .block())
                .isInstanceOf(ConversationConflictException.class)
                .hasMessageContaining("'versions'").hasMessageContaining("version 0")
                .hasMessageContaining("version 1");
        ConversationState after = store.load("versions").block();
        assertThat(after.messages()).extracting(Message::text).containsExactly("hi", "hello");
        assertThat(after.metadata()).containsEntry("var.a", "2");

        store.append("versions", List.of(Message.user("on time")), Map.of(), 1).block();
        assertThat(store.load("versions").block().version()).isEqualTo(2);
        store.save(new ConversationState("versions", List.of(), Map.of(), Instant.now())).block();
        assertThat(store.load("versions").block().version()).as("a save is a new version").isEqualTo(3);
        store.fork("versions", "versions-branch").block();
        assertThat(store.load("versions-branch").block().version()).isEqualTo(1);
        store.fork("versions", "versions-branch").block();
        assertThat(store.load("versions-branch").block().version()).as("a fork onto it is a new version")
                .isEqualTo(2);
    }

    @Test
    void aConversationStoredWithoutAVersionIsAtVersionZero() {
        List<String> keys = keys("unversioned");
        redis.opsForValue().set(keys.get(0), "{\"id\":\"unversioned\",\"updated_at\":\"2026-01-01T00:00:00Z\","
                + "\"message_count\":1}");
        redis.opsForList().rightPush(keys.get(1), JSON.writeValueAsString(Message.user("from before")));

        assertThat(store.load("unversioned").block().version()).isZero();
        store.append("unversioned", List.of(Message.assistant("answer")), Map.of(), 0).block();
        assertThat(store.load("unversioned").block()).satisfies(state -> {
            assertThat(state.version()).isEqualTo(1);
            assertThat(state.messages()).extracting(Message::text).containsExactly("from before", "answer");
        });
    }

    @Test
    void twoInstancesAppendingOnTheSameVersionStoreExactlyOne() {
        RedisStateStore other = new RedisStateStore(otherInstance(), JSON, keyPrefix(), TTL);
        store.append("race", List.of(Message.user("first")), Map.of(), 0).block();
        for (int round = 1; round <= 20; round++) {
            long version = round;
            List<Boolean> stored = Flux.range(0, 6)
                    .flatMap(n -> (n % 2 == 0 ? store : other).append("race", turn(n, 3), Map.of(), version)
                            .thenReturn(true)
                            .onErrorResume(ConversationConflictException.class, conflict -> reactor.core.publisher.Mono
                                    .just(false))
                            .subscribeOn(Schedulers.parallel()))
                    .collectList().block(Duration.ofSeconds(10));
            assertThat(stored).as("round %d", round).containsOnlyOnce(true);
        }
        ConversationState state = store.load("race").block();
        assertThat(state.version()).isEqualTo(21);
        assertThat(state.messages()).hasSize(1 + 20 * 3);
    }

    List<String> keys(String conversationId) {
        return new RedisKeyLayout(keyPrefix()).conversation(conversationId);
    }

    long pttl(String key) {
        return redis.getExpire(key, TimeUnit.MILLISECONDS);
    }

    private static List<Message> turn(int n, int size) {
        List<Message> messages = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            messages.add(Message.user("t" + n + "/" + i));
        }
        return messages;
    }

    private static List<Message> richMessages() {
        ToolCall weather = ToolCall.of("call_1", "get_weather", Map.of("city", "Paris", "days", 3));
        return List.of(
                Message.user("What is on this picture?", List.of(ContentPart.text("What is on this picture?"),
                        ContentPart.image(MediaContent.ofUrl("https://example.com/a.png", "image/png")
                                .withDetail("high")))),
                Message.assistant("Let me check the weather.", List.of(weather))
                        .withCost(new CostInfo(120, 30, 10, new BigDecimal("0.0012"), new BigDecimal("0.0009"),
                                new BigDecimal("0.0001"), new BigDecimal("0.0022")), 850, "tool_calls"),
                Message.tool(ToolResult.success("call_1", "get_weather", "{\"temp\":21}", 12)),
                Message.assistant("Unpriced, no cache.").withCost(CostInfo.unpriced(80, 20, 0), 300, "stop"),
                Message.tool(ToolResult.failure("call_2", "get_time", "timed out", 30_000)),
                Message.assistant("Sunny, 21 degrees.").withValidations(List.of(ValidationResult.pass("banned_words"),
                        ValidationResult.fail("max_length", "too long", Map.of("max", 10)))));
    }
}
