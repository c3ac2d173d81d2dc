/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.recording;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.promptkit.provider.http.FakeUpstream;
import dev.promptkit.recording.redis.RedisEventStore;
import dev.promptkit.state.StoreUnavailableException;
import dev.promptkit.test.RealRedis;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.data.domain.Range;
import org.springframework.data.redis.connection.ReactiveRedisConnectionFactory;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import tools.jackson.databind.json.JsonMapper;

/** Recording into real Redis Streams: one stream per conversation, its id as the hash tag, with a time to live. */
@ExtendWith(RealRedis.class)
class RedisEventStoreTests {

    @RegisterExtension
    final FakeUpstream upstream = OpenAiSession.upstream();
    private final String prefix = "recording-test-" + UUID.randomUUID();

    @Test
    void aSessionRecordedInRedisStreamsReplaysWithTheSameAnswersAndToolCalls(LettuceConnectionFactory redis) {
        RedisEventStore store = new RedisEventStore(redis, prefix, Duration.ofHours(1), 0, Duration.ofSeconds(3));
        OpenAiSession.Recorded recorded = OpenAiSession.record(upstream, store);
        SessionRecording session = SessionRecording.load(store, recorded.conversationId()).block();
        String key = prefix + ":recording:{" + recorded.conversationId() + "}";
        ReactiveStringRedisTemplate template = new ReactiveStringRedisTemplate(redis);

        assertThat(store.key(recorded.conversationId())).isEqualTo(key);
        assertThat(template.opsForStream().size(key).block()).isEqualTo(session.events().size());
        assertThat(template.getExpire(key).block()).isPositive().isLessThanOrEqualTo(Duration.ofHours(1));
        assertThat(session.userTexts()).containsExactlyElementsOf(OpenAiSession.USER_TEXTS);
        assertThat(SessionRecordingTests.replay(session)).zipSatisfy(recorded.responses(),
                SessionRecordingTests::sameAnswer);
    }

    @Test
    void eachEntryHoldsOneEventAsJsonAndACapKeepsTheNewest(LettuceConnectionFactory redis) {
        RedisEventStore store = new RedisEventStore(redis, prefix, Duration.ZERO, 2, Duration.ofSeconds(3));
        List<RecordedEvent> events = List.of(event("pipeline.started"), event("message.created"),
                event("pipeline.completed"));

        store.append("c-1", events).block();
        ReactiveStringRedisTemplate template = new ReactiveStringRedisTemplate(redis);
        String key = store.key("c-1");

        assertThat(template.opsForStream().range(key, Range.unbounded())
                .map(entry -> entry.getValue().get("event")).collectList().block())
                .allSatisfy(json -> assertThat(JsonMapper.shared().readTree(String.valueOf(json)).has("type"))
                        .isTrue());
        assertThat(store.read("c-1").map(RecordedEvent::type).collectList().block())
                .endsWith("message.created", "pipeline.completed").hasSizeLessThanOrEqualTo(3);
        assertThat(template.execute(connection -> connection.keyCommands()
                .pTtl(ByteBuffer.wrap(key.getBytes(StandardCharsets.UTF_8)))).blockFirst())
                .as("PTTL of a stream without expiry").isEqualTo(-1L);
        assertThat(store.describe()).containsEntry("type", "redis").containsEntry("ttl", "none")
                .containsEntry("maxEvents", 2L);
    }

    @Test
    void anUnreachableRedisFailsNamingTheStoreAndTheConversation() {
        LettuceConnectionFactory nowhere = new LettuceConnectionFactory("127.0.0.1", 1);
        nowhere.afterPropertiesSet();
        nowhere.start();
        try {
            ReactiveRedisConnectionFactory connections = nowhere;
            RedisEventStore store = new RedisEventStore(connections, prefix, Duration.ofHours(1), 0,
                    Duration.ofSeconds(3));
            assertThatThrownBy(() -> store.append("c-9", List.of(event("pipeline.started"))).block())
                    .isInstanceOf(StoreUnavailableException.class)
                    .hasMessageContaining("Redis event store could not append 1 event(s) of conversation 'c-9'");
            assertThatThrownBy(() -> new RedisEventStore(connections, "{app}", Duration.ZERO, 0, Duration.ofSeconds(1)))
                    .hasMessageContaining("must not contain '{' or '}'");
        }
        finally {
            nowhere.destroy();
        }
    }

    private static RecordedEvent event(String type) {
        return new RecordedEvent(type, Instant.parse("2026-01-02T10:00:00Z"), "c-1",
                JsonMapper.shared().createObjectNode().put("n", type.length()));
    }
}
