/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.autoconfigure.a2a;

import dev.promptkit.a2a.server.A2aServer;
import dev.promptkit.a2a.server.A2aTaskStore;
import dev.promptkit.a2a.server.InMemoryA2aTaskStore;
import dev.promptkit.a2a.server.RedisA2aTaskStore;
import dev.promptkit.autoconfigure.PromptKitAutoConfiguration;
import dev.promptkit.autoconfigure.pack.PromptPacks;
import dev.promptkit.pack.Pack;
import dev.promptkit.sdk.Conversations;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.connection.ReactiveRedisConnectionFactory;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.ServerResponse;

/**
 * Serves the agents of a pack (the default pack, or {@code promptkit.a2a.server.pack}) over A2A in a WebFlux
 * application: cards, JSON-RPC with streaming, tasks kept in memory or in Redis
 * ({@code promptkit.a2a.server.task-store}). A pack named by the property that does not exist or has no
 * {@code agents} section fails start-up.
 *
 * @since 0.1.0
 */
@AutoConfiguration(after = PromptKitAutoConfiguration.class,
        afterName = "org.springframework.boot.data.redis.autoconfigure.DataRedisReactiveAutoConfiguration")
@ConditionalOnClass({ A2aServer.class, RouterFunction.class })
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.REACTIVE)
@ConditionalOnBooleanProperty(name = "promptkit.a2a.server.enabled", matchIfMissing = true)
@EnableConfigurationProperties(PromptKitA2aProperties.class)
public final class PromptKitA2aServerAutoConfiguration {

    /** Redis tasks: a member class, so that this configuration loads without Spring Data Redis. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(ReactiveRedisConnectionFactory.class)
    @ConditionalOnProperty(name = "promptkit.a2a.server.task-store", havingValue = "redis")
    static class RedisTasks {

        @Bean
        @ConditionalOnMissingBean
        A2aTaskStore promptKitA2aTaskStore(PromptKitA2aProperties properties,
                ObjectProvider<ReactiveRedisConnectionFactory> redis) {
            ReactiveRedisConnectionFactory connections = redis.getIfAvailable();
            if (connections == null) {
                throw noRedis(null);
            }
            return new RedisA2aTaskStore(new ReactiveStringRedisTemplate(connections),
                    properties.server().redisKeyPrefix(), properties.server().taskTtl());
        }
    }

    @Bean
    @ConditionalOnMissingBean
    A2aTaskStore promptKitA2aTaskStore(PromptKitA2aProperties properties) {
        if (properties.server().taskStore() == PromptKitA2aProperties.TaskStoreType.REDIS) {
            throw noRedis("Spring Data Redis is not on the class path");
        }
        return new InMemoryA2aTaskStore(properties.server().taskTtl());
    }

    static A2aConfigurationException noRedis(String why) {
        return new A2aConfigurationException("promptkit.a2a.server.task-store is redis, but the application has no"
                + " Redis connection" + (why == null ? "" : ": " + why), "Add spring-boot-starter-data-redis-reactive"
                + " and set spring.data.redis.*, or set promptkit.a2a.server.task-store=memory.", null);
    }

    @Bean
    @ConditionalOnMissingBean
    A2aServer promptKitA2aServer(Conversations conversations, PromptPacks packs, PromptKitA2aProperties properties,
            A2aTaskStore tasks) {
        String named = properties.server().pack();
        String packName = named != null ? named : packs.defaultName();
        Pack pack = packName == null ? null : packs.byName().get(packName);
        if (named != null && (pack == null || pack.agents() == null)) {
            throw new A2aConfigurationException("promptkit.a2a.server.pack is '" + named + "', "
                    + (pack == null ? "which is not a loaded pack (packs: " + String.join(", ",
                            packs.byName().keySet()) + ")" : "whose pack has no agents section"),
                    "Name a loaded pack whose agents section lists the prompts to serve, or unset the property.",
                    null);
        }
        if (pack == null) {
            throw new A2aConfigurationException("the A2A server has no pack to serve: no default pack is loaded "
                    + "(packs: " + String.join(", ", packs.byName().keySet()) + ")", "Set promptkit.a2a.server.pack,"
                    + " or promptkit.a2a.server.enabled=false.", null);
        }
        return new A2aServer(conversations, packName, tasks, properties.server().streaming());
    }

    @Bean
    RouterFunction<ServerResponse> promptKitA2aRoutes(A2aServer server, PromptKitA2aProperties properties) {
        return new A2aRoutes(server, properties.server().path()).routes();
    }
}
