/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.autoconfigure.recording;

import dev.promptkit.recording.EventStore;
import dev.promptkit.recording.redis.RedisEventStore;
import dev.promptkit.state.redis.RedisStoreClient;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.data.redis.connection.ReactiveRedisConnectionFactory;

/**
 * Recorded sessions in Redis Streams ({@code promptkit.recording.store=redis}), on the application's reactive Redis
 * connection: one stream per conversation, {@code <key-prefix>:recording:{<conversation id>}}, kept
 * {@code promptkit.recording.ttl} after its last event.
 *
 * @since 0.1.0
 */
@AutoConfiguration(afterName = "org.springframework.boot.data.redis.autoconfigure.DataRedisReactiveAutoConfiguration")
@ConditionalOnClass({ ReactiveRedisConnectionFactory.class, RedisEventStore.class })
@ConditionalOnBean(ReactiveRedisConnectionFactory.class)
@ConditionalOnBooleanProperty("promptkit.recording.enabled")
@ConditionalOnProperty(name = "promptkit.recording.store", havingValue = "redis")
@EnableConfigurationProperties(PromptKitRecordingProperties.class)
public final class PromptKitRedisRecordingAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean(EventStore.class)
    RedisEventStore promptKitEventStore(ReactiveRedisConnectionFactory connections,
            PromptKitRecordingProperties properties) {
        return new RedisEventStore(connections, properties.keyPrefix(), properties.ttl(), properties.maxEvents(),
                RedisStoreClient.DEFAULT_TIMEOUT);
    }
}
