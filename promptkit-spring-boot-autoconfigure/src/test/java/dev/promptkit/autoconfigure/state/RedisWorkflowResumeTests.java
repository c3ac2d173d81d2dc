/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.autoconfigure.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.promptkit.autoconfigure.PromptKitContextRunners;
import dev.promptkit.event.EventBus;
import dev.promptkit.event.WorkflowTransitionedEvent;
import dev.promptkit.sdk.Conversations;
import dev.promptkit.sdk.Workflow;
import dev.promptkit.state.StateStore;
import dev.promptkit.test.RealRedis;
import dev.promptkit.types.Message;
import dev.promptkit.workflow.WorkflowTransition;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.data.redis.connection.ReactiveRedisConnectionFactory;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;

/** A workflow moved by one application resumes on a second one from real Redis, where the first left it. */
@ExtendWith(RealRedis.class)
class RedisWorkflowResumeTests {

    private final String prefix = "pk-test-workflow-" + UUID.randomUUID();

    private ApplicationContextRunner contextRunner(LettuceConnectionFactory redis) {
        return PromptKitContextRunners.withMockProvider()
                .withConfiguration(AutoConfigurations.of(PromptKitRedisStateStoreAutoConfiguration.class))
                .withBean(ReactiveRedisConnectionFactory.class, () -> sharedAcrossContexts(redis))
                .withPropertyValues("promptkit.state-store.key-prefix=" + prefix,
                        "promptkit.pack=classpath:workflow/desk.pack.json",
                        "promptkit.mock.script=classpath:workflow/desk-mock.yaml");
    }

    @Test
    void aWorkflowMovedOnOneApplicationResumesOnASecondFromRedis(LettuceConnectionFactory redis) {
        String[] id = new String[1];
        contextRunner(redis).run(first -> {
            try (Workflow desk = first.getBean(Conversations.class).openWorkflow(null)) {
                desk.send("I have an order question");
                id[0] = desk.id();
            }
        });
        contextRunner(redis).run(second -> {
            List<WorkflowTransitionedEvent> moves = new CopyOnWriteArrayList<>();
            second.getBean(EventBus.class).subscribeSynchronous(event -> {
                if (event instanceof WorkflowTransitionedEvent moved) {
                    moves.add(moved);
                }
            });
            try (Workflow desk = second.getBean(Conversations.class).resumeWorkflow(id[0], "desk")) {
                assertThat(desk.currentState()).isEqualTo("orders");
                assertThat(desk.run().carriedContext()).isEqualTo("asks about an order");

                desk.send("It is A-1001");
                desk.send("bye");

                assertThat(desk.currentState()).isEqualTo("wrapup");
                assertThat(desk.transitions()).extracting(WorkflowTransition::from, WorkflowTransition::to)
                        .containsExactly(tuple("intake", "orders"), tuple("orders", "wrapup"));
                assertThat(desk.messages()).extracting(Message::text).startsWith("I have an order question")
                        .endsWith("bye", "Goodbye.");
            }
            assertThat(moves).extracting(WorkflowTransitionedEvent::conversationId, WorkflowTransitionedEvent::to)
                    .containsExactly(tuple(id[0], "wrapup"));
            second.getBean(StateStore.class).delete(id[0]).block();
        });
    }

    /** The test's connection, hidden behind its interface so that closing a context does not destroy it. */
    private static ReactiveRedisConnectionFactory sharedAcrossContexts(LettuceConnectionFactory redis) {
        return (ReactiveRedisConnectionFactory) Proxy.newProxyInstance(
                ReactiveRedisConnectionFactory.class.getClassLoader(),
                new Class<?>[] { ReactiveRedisConnectionFactory.class }, (proxy, method, arguments) -> {
                    try {
                        return method.invoke(redis, arguments);
                    }
                    catch (InvocationTargetException ex) {
                        throw ex.getCause();
                    }
                });
    }
}
