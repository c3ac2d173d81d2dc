/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.autoconfigure.state;

import static org.assertj.core.api.Assertions.assertThat;

import dev.promptkit.autoconfigure.PromptKitContextRunners;
import dev.promptkit.autoconfigure.StartupFailures;
import dev.promptkit.state.InMemoryStateStore;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** {@code promptkit.state-store.type=redis} without a Redis connection fails start-up instead of running on memory. */
class StateStoreFailureAnalyzerTests {

    private final ApplicationContextRunner contextRunner = PromptKitContextRunners.withMockProvider()
            .withConfiguration(AutoConfigurations.of(PromptKitRedisStateStoreAutoConfiguration.class));

    @Test
    void redisAskedForWithoutAConnectionSaysHowToConfigureOne() {
        FailureAnalysis analysis = StartupFailures.analysis(
                contextRunner.withPropertyValues("promptkit.state-store.type=redis"), new StateStoreFailureAnalyzer());

        assertThat(analysis.getDescription()).isEqualTo("PromptKit could not set up its state store:"
                + System.lineSeparator() + System.lineSeparator() + "    promptkit.state-store.type is redis, but the "
                + "application has no Redis connection (no ReactiveRedisConnectionFactory bean).");
        assertThat(analysis.getAction()).startsWith("Configure the Redis connection with spring.data.redis.url")
                .contains("spring.autoconfigure.exclude").endsWith("or set promptkit.state-store.type=memory to keep "
                        + "conversations in memory.");
    }

    @Test
    void redisAskedForWithoutSpringDataRedisSaysWhichDependencyToAdd() {
        FailureAnalysis analysis = StartupFailures.analysis(contextRunner
                .withClassLoader(new FilteredClassLoader("org.springframework.data.redis"))
                .withPropertyValues("promptkit.state-store.type=REDIS"), new StateStoreFailureAnalyzer());

        assertThat(analysis.getDescription()).contains("Spring Data Redis is not on the class path");
        assertThat(analysis.getAction()).startsWith("Add the dependency "
                + "org.springframework.boot:spring-boot-starter-data-redis-reactive");
    }

    @Test
    void memoryAskedForOrNothingAskedForRunsOnMemory() {
        contextRunner.withPropertyValues("promptkit.state-store.type=memory")
                .run(context -> assertThat(context).hasSingleBean(InMemoryStateStore.class));
        contextRunner.run(context -> assertThat(context).hasSingleBean(InMemoryStateStore.class));
    }

    @Test
    void aStateStoreOfTheApplicationsOwnNeedsNoRedis() {
        contextRunner.withPropertyValues("promptkit.state-store.type=redis")
                .withBean(dev.promptkit.state.StateStore.class, InMemoryStateStore::new)
                .withBean(dev.promptkit.tool.PendingStore.class,
                        () -> new dev.promptkit.tool.InMemoryPendingStore(java.time.Duration.ofMinutes(1),
                                java.time.Clock.systemUTC()))
                .run(context -> assertThat(context).hasNotFailed());
    }
}
