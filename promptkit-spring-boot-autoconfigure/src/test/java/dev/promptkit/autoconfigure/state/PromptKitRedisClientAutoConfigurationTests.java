/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.autoconfigure.state;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;

class PromptKitRedisClientAutoConfigurationTests {

    private final ApplicationContextRunner contextRunner = new ApplicationContextRunner().withConfiguration(
            AutoConfigurations.of(DataRedisAutoConfiguration.class, PromptKitRedisClientAutoConfiguration.class));

    private static Duration commandTimeout(org.springframework.context.ApplicationContext context) {
        return context.getBean(LettuceConnectionFactory.class).getClientConfiguration().getCommandTimeout();
    }

    @Test
    void lettucesCommandTimeoutBecomesTheStoreTimeOutInsteadOfAMinute() {
        contextRunner.run(context -> assertThat(commandTimeout(context)).isEqualTo(Duration.ofSeconds(3)));
        contextRunner.withPropertyValues("promptkit.state-store.timeout=750ms")
                .run(context -> assertThat(commandTimeout(context)).isEqualTo(Duration.ofMillis(750)));
    }

    @Test
    void anApplicationsOwnRedisTimeoutIsKept() {
        contextRunner.withPropertyValues("spring.data.redis.timeout=20s", "promptkit.state-store.timeout=1s")
                .run(context -> assertThat(commandTimeout(context)).isEqualTo(Duration.ofSeconds(20)));
    }

    @Test
    void inMemoryStoresLeaveTheRedisClientAlone() {
        contextRunner.withPropertyValues("promptkit.state-store.type=memory")
                .run(context -> assertThat(commandTimeout(context)).isEqualTo(Duration.ofSeconds(60)));
    }
}
