/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.a2a.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.a2a.spec.Artifact;
import io.a2a.spec.Task;
import io.a2a.spec.TaskState;
import io.a2a.spec.TextPart;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;

/** Tasks in a real Redis (127.0.0.1:6379), under a key prefix of this test's own. */
class RedisA2aTaskStoreTests {

    private final String prefix = "promptkit-test:a2a-store-" + UUID.randomUUID() + ":";
    private final LettuceConnectionFactory connections = connections();
    private final ReactiveStringRedisTemplate redis = new ReactiveStringRedisTemplate(connections);

    @AfterEach
    void cleanUp() {
        redis.keys(prefix + "*").flatMap(redis::delete).blockLast();
        connections.destroy();
    }

    @Test
    void keepsTheTasksA2aJsonUnderItsKeyWithTheTimeToLive() {
        RedisA2aTaskStore store = new RedisA2aTaskStore(redis, prefix, Duration.ofMinutes(10));
        Task task = new Task.Builder(InMemoryA2aTaskStoreTests.task("t1", TaskState.COMPLETED)).artifacts(List.of(
                new Artifact.Builder().artifactId("answer").parts(List.of(new TextPart("hola"))).build())).build();

        store.save(task).block();

        Task read = store.find("t1").block();
        assertThat(read.getStatus().state()).isEqualTo(TaskState.COMPLETED);
        assertThat(((TextPart) read.getArtifacts().get(0).parts().get(0)).getText()).isEqualTo("hola");
        assertThat(redis.opsForValue().get(prefix + "t1").block()).contains("\"kind\":\"task\"")
                .contains("\"state\":\"completed\"");
        assertThat(redis.getExpire(prefix + "t1").block()).isBetween(Duration.ofMinutes(9), Duration.ofMinutes(10));
        assertThat(store.find("t2").blockOptional()).isEmpty();
    }

    @Test
    void aStoredValueThatIsNotATaskFailsNamingTheKey() {
        redis.opsForValue().set(prefix + "bad", "{\"kind\": \"nonsense\"").block();
        RedisA2aTaskStore store = new RedisA2aTaskStore(redis, prefix, Duration.ofMinutes(10));

        assertThatThrownBy(() -> store.find("bad").block())
                .hasMessageStartingWith("A2A task store (Redis): the stored task " + prefix + "bad is not a task: ");
    }

    private static LettuceConnectionFactory connections() {
        LettuceConnectionFactory factory = new LettuceConnectionFactory("127.0.0.1", 6379);
        factory.afterPropertiesSet();
        factory.start();
        return factory;
    }
}
