/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.autoconfigure.recording;

import static org.assertj.core.api.Assertions.assertThat;

import dev.promptkit.autoconfigure.PromptKitContextRunners;
import dev.promptkit.autoconfigure.actuate.PromptKitActuatorAutoConfiguration;
import dev.promptkit.autoconfigure.actuate.PromptKitEndpoint;
import dev.promptkit.recording.SessionRecording;
import dev.promptkit.recording.redis.RedisEventStore;
import dev.promptkit.sdk.Conversation;
import dev.promptkit.sdk.Conversations;
import dev.promptkit.test.Await;
import dev.promptkit.test.RealRedis;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.data.redis.connection.ReactiveRedisConnectionFactory;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;

/** {@code promptkit.recording.store=redis}: each conversation in a Redis stream with the configured time to live. */
@ExtendWith(RealRedis.class)
class PromptKitRedisRecordingAutoConfigurationTests {

    private final String prefix = "pk-recording-" + UUID.randomUUID();

    @Test
    void conversationsAreRecordedInRedisStreamsWithTheirTtlShownByTheEndpoint(LettuceConnectionFactory redis) {
        PromptKitContextRunners.withMockProvider()
                .withConfiguration(AutoConfigurations.of(PromptKitRedisRecordingAutoConfiguration.class,
                        PromptKitRecordingAutoConfiguration.class, PromptKitActuatorAutoConfiguration.class))
                .withBean(ReactiveRedisConnectionFactory.class, () -> redis, bean -> bean.setDestroyMethodName(""))
                .withPropertyValues("management.endpoints.web.exposure.include=promptkit",
                        "promptkit.recording.enabled=true", "promptkit.recording.store=redis",
                        "promptkit.recording.ttl=2h", "promptkit.recording.key-prefix=" + prefix)
                .run(context -> {
                    RedisEventStore store = context.getBean(RedisEventStore.class);
                    Conversations conversations = context.getBean(Conversations.class);
                    String id;
                    String answer;
                    try (Conversation chat = conversations.open("faq")) {
                        id = chat.id();
                        answer = chat.send("how long does shipping take?").text();
                    }
                    Await.until("the turn recorded", Duration.ofSeconds(30), () -> store.read(id)
                            .any(event -> event.type().equals("pipeline.completed")).block());
                    String key = prefix + ":recording:{" + id + "}";

                    assertThat(new ReactiveStringRedisTemplate(redis).getExpire(key).block()).isPositive()
                            .isLessThanOrEqualTo(Duration.ofHours(2));
                    try (Conversation replay = conversations.replay("faq",
                            SessionRecording.load(store, id).block())) {
                        assertThat(replay.send("how long does shipping take?").text()).isEqualTo(answer);
                    }
                    @SuppressWarnings("unchecked")
                    Map<String, Object> recording = (Map<String, Object>) context.getBean(PromptKitEndpoint.class)
                            .describe().get("recording");
                    assertThat(recording).containsEntry("store", Map.of("type", "redis", "keyPrefix", prefix,
                            "ttl", "PT2H", "maxEvents", "none"));
                });
    }
}
