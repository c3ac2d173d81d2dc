/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.a2a.server;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.a2a.spec.Task;
import io.a2a.util.Utils;
import java.time.Duration;
import java.util.Objects;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import reactor.core.publisher.Mono;

/**
 * Tasks in Redis, one string key per task ({@code <prefix><task id>}) holding the task's A2A JSON, expiring
 * {@code ttl} after its last change, so that every instance of a server behind a load balancer sees them.
 *
 * @since 0.1.0
 */
public final class RedisA2aTaskStore implements A2aTaskStore {

    /** The key prefix when none is set. */
    public static final String DEFAULT_PREFIX = "promptkit:a2a:task:";

    private final ReactiveStringRedisTemplate redis;
    private final String prefix;
    private final Duration ttl;

    public RedisA2aTaskStore(ReactiveStringRedisTemplate redis, String prefix, Duration ttl) {
        this.redis = Objects.requireNonNull(redis, "redis");
        this.prefix = Objects.requireNonNull(prefix, "prefix");
        this.ttl = Objects.requireNonNull(ttl, "ttl");
    }

    @Override
    public Mono<Void> save(Task task) {
        return Mono.fromCallable(() -> Utils.OBJECT_MAPPER.writeValueAsString(task))
                .flatMap(json -> redis.opsForValue().set(prefix + task.getId(), json, ttl))
                .onErrorMap(e -> new IllegalStateException("A2A task store (Redis): task " + task.getId()
                        + " cannot be saved: " + e.getMessage(), e))
                .then();
    }

    @Override
    public Mono<Task> find(String taskId) {
        return redis.opsForValue().get(prefix + taskId)
                .onErrorMap(e -> new IllegalStateException("A2A task store (Redis): task " + taskId
                        + " cannot be read: " + e.getMessage(), e))
                .map(json -> read(taskId, json));
    }

    private Task read(String taskId, String json) {
        try {
            return Utils.OBJECT_MAPPER.readValue(json, Task.class);
        }
        catch (JsonProcessingException e) {
            throw new IllegalStateException("A2A task store (Redis): the stored task " + prefix + taskId
                    + " is not a task: " + e.getOriginalMessage(), e);
        }
    }
}
