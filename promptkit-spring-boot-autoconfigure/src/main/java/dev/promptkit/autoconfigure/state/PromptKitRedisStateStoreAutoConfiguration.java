/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.autoconfigure.state;

import dev.promptkit.state.StateStore;
import dev.promptkit.state.redis.LegacyKeyMigration;
import dev.promptkit.state.redis.RedisStateStore;
import dev.promptkit.tool.PendingStore;
import dev.promptkit.tool.redis.RedisPendingStore;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.data.redis.connection.ReactiveRedisConnectionFactory;
import tools.jackson.databind.json.JsonMapper;

/**
 * Conversations and held tool calls in Redis, on the application's own reactive Redis connection
 * ({@code spring.data.redis.*}: a single Redis, Sentinel or Redis Cluster alike), with plain Redis data structures
 * (no Redis Stack modules). Active when a {@link ReactiveRedisConnectionFactory} exists, unless
 * {@code promptkit.state-store.type=memory}. Stored JSON uses PromptKit's own mapper, so the application's web JSON
 * settings never change what is stored. Every operation fails within {@code promptkit.state-store.timeout} (3 s by
 * default) when Redis is unreachable or silent; with {@code promptkit.state-store.wait-for-replicas}, a write also
 * waits for that many replicas. With {@code promptkit.state-store.migrate-legacy-keys=true}, data stored under the
 * key names of version 0.1 is moved to the current ones before the stores are made.
 *
 * @since 0.1.0
 */
@AutoConfiguration(afterName = "org.springframework.boot.data.redis.autoconfigure.DataRedisReactiveAutoConfiguration")
@ConditionalOnClass({ ReactiveRedisConnectionFactory.class, RedisStateStore.class })
@ConditionalOnBean(ReactiveRedisConnectionFactory.class)
@ConditionalOnProperty(name = "promptkit.state-store.type", havingValue = "redis", matchIfMissing = true)
@EnableConfigurationProperties(PromptKitStateStoreProperties.class)
public final class PromptKitRedisStateStoreAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean(StateStore.class)
    RedisStateStore promptKitStateStore(ReactiveRedisConnectionFactory connections,
            PromptKitStateStoreProperties properties, ObjectProvider<LegacyKeyMigrationRun> migration) {
        migration.ifAvailable(done -> { });
        return new RedisStateStore(connections, JsonMapper.shared(), properties.keyPrefix(), properties.ttl(),
                properties.timeout(), properties.waitForReplicas());
    }

    @Bean
    @ConditionalOnMissingBean(PendingStore.class)
    RedisPendingStore promptKitPendingStore(ReactiveRedisConnectionFactory connections,
            PromptKitStateStoreProperties properties, ObjectProvider<LegacyKeyMigrationRun> migration) {
        migration.ifAvailable(done -> { });
        return new RedisPendingStore(connections, JsonMapper.shared(), properties.keyPrefix(), properties.pendingTtl(),
                properties.timeout(), properties.waitForReplicas());
    }

    @Bean
    @ConditionalOnProperty(name = "promptkit.state-store.migrate-legacy-keys", havingValue = "true")
    LegacyKeyMigrationRun promptKitLegacyKeyMigration(ReactiveRedisConnectionFactory connections,
            PromptKitStateStoreProperties properties) {
        return new LegacyKeyMigrationRun(new LegacyKeyMigration(connections, properties.keyPrefix(),
                properties.timeout()));
    }
}
