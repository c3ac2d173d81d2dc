/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.autoconfigure.state;

import static org.assertj.core.api.Assertions.assertThat;

import dev.promptkit.provider.Provider;
import dev.promptkit.sdk.Conversation;
import dev.promptkit.sdk.Conversations;
import dev.promptkit.sdk.Response;
import dev.promptkit.state.ConversationConflictException;
import dev.promptkit.state.redis.RedisStateStore;
import dev.promptkit.test.PrivateRedisCluster;
import dev.promptkit.test.SharedRedisCluster;
import dev.promptkit.tool.PendingToolDecidedException;
import dev.promptkit.tool.redis.RedisPendingStore;
import dev.promptkit.types.Message;
import dev.promptkit.types.ToolResult;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Applications whose only Redis setting is Spring Boot's {@code spring.data.redis.cluster.nodes}, pointed at a Redis
 * Cluster of three masters: the stores work unchanged, and two applications share conversations and approvals.
 */
@ExtendWith(SharedRedisCluster.class)
class PromptKitRedisClusterTests {

    private static PrivateRedisCluster cluster;

    private final String prefix = "pk-cluster-" + UUID.randomUUID();
    private final RefundTools tools = new RefundTools();

    @BeforeAll
    static void cluster(PrivateRedisCluster shared) {
        cluster = shared;
    }

    private ApplicationContextRunner app() {
        return tools.inApplication("spring.data.redis.cluster.nodes=" + cluster.nodes(),
                "promptkit.state-store.key-prefix=" + prefix);
    }

    @Test
    void theClusterNodesPropertyGivesRedisStoresOnTheCluster() {
        app().run(context -> {
            assertThat(context).hasSingleBean(RedisStateStore.class).hasSingleBean(RedisPendingStore.class);
            assertThat(context.getBean(LettuceConnectionFactory.class).isClusterAware()).isTrue();
            Conversation chat = context.getBean(Conversations.class).open("chat");
            chat.send("where is order A-1?");
            Conversation branch = chat.fork();
            branch.send("thanks");

            assertThat(context.getBean(Conversations.class).resume(chat.id(), "chat").messages())
                    .extracting(Message::text).endsWith("Order A-1 has shipped.");
            assertThat(context.getBean(Conversations.class).resume(branch.id(), "chat").messages())
                    .extracting(Message::text).endsWith("Order A-1 has shipped.", "thanks", "Done.");
        });
    }

    @Test
    void aConversationGoesOnInEitherApplicationAndAnApprovalFromBothRunsTheToolOnce() {
        app().run(first -> app().run(second -> {
            Conversation started = first.getBean(Conversations.class).open("chat");
            started.send("where is order A-1?");
            Response held = second.getBean(Conversations.class).resume(started.id(), "chat").send("big refund please");
            String callId = held.pendingTools().get(0).id();

            List<Object> decisions = Flux.just(first, second)
                    .flatMap(app -> app.getBean(Conversations.class).resumeAsync(started.id())
                            .flatMap(chat -> chat.resolveToolAsync(callId)).<Object>map(ToolResult::content)
                            .onErrorResume(PendingToolDecidedException.class, Mono::just)
                            .subscribeOn(Schedulers.parallel()))
                    .collectList().block(Duration.ofSeconds(20));

            assertThat(tools.refunds).as("one refund, however many approvals").hasValue(1);
            assertThat(decisions).hasSize(2).contains("refunded 5000.0 (refund #1)");
            Conversation onFirst = first.getBean(Conversations.class).resume(started.id(), "chat");
            assertThat(onFirst.continueTurn().text()).isEqualTo("Your refund is on its way.");
            assertThat(second.getBean(Conversations.class).resume(started.id(), "chat").messages())
                    .extracting(Message::text).endsWith("refunded 5000.0 (refund #1)", "Your refund is on its way.");
        }));
    }

    @Test
    void twoApplicationsAnsweringOneConversationAtOnceStoreOneTurnAndTheOtherGetsAConflict() {
        OverlappingProvider provider = new OverlappingProvider(2);
        app().withBean(Provider.class, () -> provider).run(first -> app().withBean(Provider.class, () -> provider)
                .run(second -> {
                    Conversation opened = first.getBean(Conversations.class).open("faq");
                    opened.saveAsync().block();

                    List<Object> outcomes = OverlappingProvider.sendFromEach(opened.id(), first, second);

                    assertThat(outcomes).hasSize(2).containsOnlyOnce("Done.")
                            .filteredOn(ConversationConflictException.class::isInstance).hasSize(1);
                    assertThat(second.getBean(Conversations.class).resume(opened.id(), "faq").messages())
                            .extracting(Message::text).containsExactly("Where is my order?", "Done.");
                }));
    }
}
