/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.state.redis;

import java.util.UUID;
import org.springframework.data.redis.connection.ReactiveRedisConnectionFactory;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.data.redis.core.ScanOptions;

/** A key prefix of its own for one test class, so that runs never collide, and the removal of its keys. */
public record TestKeyPrefix(String value) {

    public static TestKeyPrefix random() {
        return new TestKeyPrefix("promptkit-test-" + UUID.randomUUID());
    }

    public void deleteKeys(ReactiveRedisConnectionFactory connections) {
        ReactiveStringRedisTemplate redis = new ReactiveStringRedisTemplate(connections);
        redis.delete(redis.scan(ScanOptions.scanOptions().match(value + ":*").count(1000).build())).block();
    }
}
