/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.autoconfigure.state;

import io.lettuce.core.RedisClient;
import java.time.Duration;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.data.redis.autoconfigure.LettuceClientConfigurationBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

/**
 * Makes a Redis outage visible within seconds rather than Lettuce's default minute: when the application does not
 * set {@code spring.data.redis.timeout}, Lettuce's command timeout becomes {@code promptkit.state-store.timeout}
 * (3 s by default), so that Spring Boot's own Redis health indicator, and everything else on the connection, fails
 * as fast as PromptKit's stores do. An application that sets {@code spring.data.redis.timeout} keeps its value.
 *
 * @since 0.1.0
 */
@AutoConfiguration(beforeName = "org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration")
@ConditionalOnClass({ RedisClient.class, LettuceClientConfigurationBuilderCustomizer.class })
@ConditionalOnProperty(name = "promptkit.state-store.type", havingValue = "redis", matchIfMissing = true)
public final class PromptKitRedisClientAutoConfiguration {

    @Bean
    LettuceClientConfigurationBuilderCustomizer promptKitRedisCommandTimeout(Environment environment) {
        Binder binder = Binder.get(environment);
        boolean applicationSetsOne = binder.bind("spring.data.redis.timeout", Duration.class).isBound();
        Duration timeout = binder.bind("promptkit.state-store.timeout", Duration.class).orElse(Duration.ofSeconds(3));
        return builder -> {
            if (!applicationSetsOne) {
                builder.commandTimeout(timeout);
            }
        };
    }
}
