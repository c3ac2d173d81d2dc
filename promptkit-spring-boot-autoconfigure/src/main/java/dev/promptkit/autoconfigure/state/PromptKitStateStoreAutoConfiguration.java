/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.autoconfigure.state;

import dev.promptkit.state.InMemoryStateStore;
import dev.promptkit.state.StateStore;
import dev.promptkit.tool.InMemoryPendingStore;
import dev.promptkit.tool.PendingStore;
import java.time.Clock;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.core.io.ResourceLoader;
import org.springframework.util.ClassUtils;

/**
 * In-memory conversation and pending-call stores, when no other store is defined (the Redis ones are,
 * when a Redis connection exists; see {@code PromptKitRedisStateStoreAutoConfiguration}). When
 * {@code promptkit.state-store.type=redis} asks for Redis and there is no Redis connection, start-up fails with a
 * {@link StateStoreConfigurationException} instead of keeping conversations in memory unnoticed.
 *
 * @since 0.1.0
 */
@AutoConfiguration(afterName = "dev.promptkit.autoconfigure.state.PromptKitRedisStateStoreAutoConfiguration")
@EnableConfigurationProperties(PromptKitStateStoreProperties.class)
public final class PromptKitStateStoreAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean(StateStore.class)
    InMemoryStateStore promptKitStateStore(PromptKitStateStoreProperties properties, ResourceLoader resources) {
        requireNoRedisAskedFor(properties, resources);
        return new InMemoryStateStore(properties.ttl(), properties.maxConversations(), Clock.systemUTC());
    }

    @Bean
    @ConditionalOnMissingBean(PendingStore.class)
    InMemoryPendingStore promptKitPendingStore(PromptKitStateStoreProperties properties, ResourceLoader resources) {
        requireNoRedisAskedFor(properties, resources);
        return new InMemoryPendingStore(properties.pendingTtl(), Clock.systemUTC());
    }

    private static void requireNoRedisAskedFor(PromptKitStateStoreProperties properties, ResourceLoader resources) {
        if (properties.type() == StateStoreType.REDIS) {
            throw new StateStoreConfigurationException(ClassUtils.isPresent(
                    "org.springframework.data.redis.connection.ReactiveRedisConnectionFactory",
                    resources.getClassLoader()));
        }
    }
}
