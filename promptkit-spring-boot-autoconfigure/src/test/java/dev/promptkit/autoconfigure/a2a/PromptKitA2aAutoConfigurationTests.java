/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.autoconfigure.a2a;

import static org.assertj.core.api.Assertions.assertThat;

import dev.promptkit.a2a.client.RemoteAgents;
import dev.promptkit.a2a.server.A2aServer;
import dev.promptkit.a2a.server.A2aTaskStore;
import dev.promptkit.a2a.server.InMemoryA2aTaskStore;
import dev.promptkit.a2a.server.RedisA2aTaskStore;
import dev.promptkit.autoconfigure.PromptKitContextRunners;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration;
import org.springframework.boot.data.redis.autoconfigure.DataRedisReactiveAutoConfiguration;
import org.springframework.boot.test.context.runner.ReactiveWebApplicationContextRunner;

/** The A2A auto-configurations in a reactive web application, Spring Boot's way. */
class PromptKitA2aAutoConfigurationTests {

    private final ReactiveWebApplicationContextRunner runner = new ReactiveWebApplicationContextRunner()
            .withConfiguration(PromptKitContextRunners.PROMPTKIT)
            .withConfiguration(AutoConfigurations.of(PromptKitA2aClientAutoConfiguration.class,
                    PromptKitA2aServerAutoConfiguration.class))
            .withPropertyValues("OPENAI_API_KEY=", "ANTHROPIC_API_KEY=", "GEMINI_API_KEY=", "GOOGLE_API_KEY=",
                    "OLLAMA_HOST=", "promptkit.pack=classpath:a2a/translator.pack.json",
                    "promptkit.state-store.type=memory");

    @Test
    void servesTheDefaultPacksAgentsWithTasksInMemoryAndNoRemoteAgents() {
        runner.run(context -> {
            assertThat(context.getBean(A2aServer.class).agents()).containsExactly("translate");
            assertThat(context.getBean(A2aTaskStore.class)).isInstanceOf(InMemoryA2aTaskStore.class);
            assertThat(context.getBean(RemoteAgents.class).toolNames()).isEmpty();
        });
    }

    @Test
    void keepsTasksInRedisWhenAsked() {
        runner.withConfiguration(AutoConfigurations.of(DataRedisAutoConfiguration.class,
                DataRedisReactiveAutoConfiguration.class))
                .withPropertyValues("promptkit.a2a.server.task-store=redis", "spring.data.redis.host=127.0.0.1")
                .run(context -> assertThat(context.getBean(A2aTaskStore.class))
                        .isInstanceOf(RedisA2aTaskStore.class));
    }

    @Test
    void redisTasksWithoutARedisConnectionFailStartUpSayingWhatToDo() {
        runner.withPropertyValues("promptkit.a2a.server.task-store=redis").run(context -> assertThat(context)
                .getFailure().rootCause().isInstanceOf(A2aConfigurationException.class)
                .hasMessage("promptkit.a2a.server.task-store is redis, but the application has no Redis connection"));
    }

    @Test
    void aServedPackWithoutAgentsFailsStartUpNamingTheProperty() {
        runner.withPropertyValues("promptkit.packs.other=classpath:extra/other.pack.json",
                "promptkit.a2a.server.pack=other").run(context -> assertThat(context).getFailure().rootCause()
                        .hasMessage("promptkit.a2a.server.pack is 'other', whose pack has no agents section"));
    }

    @Test
    void theServerCanBeTurnedOff() {
        runner.withPropertyValues("promptkit.a2a.server.enabled=false")
                .run(context -> assertThat(context).doesNotHaveBean(A2aServer.class).hasSingleBean(RemoteAgents.class));
    }

    @Test
    void aRemoteAgentWithoutAUrlFailsStartUpNamingTheProperty() {
        runner.withPropertyValues("promptkit.a2a.agents.nowhere.timeout=5s").run(context -> assertThat(context)
                .getFailure().rootCause().hasMessage("A2A agent 'nowhere' has no URL (promptkit.a2a.agents.nowhere"
                        + ".url)"));
    }
}
