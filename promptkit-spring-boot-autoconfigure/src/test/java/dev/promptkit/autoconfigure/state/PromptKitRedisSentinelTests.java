/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.autoconfigure.state;

import static org.assertj.core.api.Assertions.assertThat;

import dev.promptkit.sdk.Conversation;
import dev.promptkit.sdk.Conversations;
import dev.promptkit.state.StateStoreException;
import dev.promptkit.state.redis.RedisStateStore;
import dev.promptkit.test.Await;
import dev.promptkit.test.PrivateRedisSentinel;
import dev.promptkit.test.PrivateRedisServer;
import dev.promptkit.types.Message;
import dev.promptkit.types.Role;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/**
 * An application whose only Redis settings are Spring Boot's {@code spring.data.redis.sentinel.*}, pointed at three
 * Sentinels watching a master with two replicas, and {@code promptkit.state-store.wait-for-replicas=1}: the stores
 * work through the Sentinels, and when the master is killed (SIGKILL) the conversation goes on on the master the
 * Sentinels promote, with every turn it was told is stored.
 */
class PromptKitRedisSentinelTests {

    private static PrivateRedisSentinel sentinel;

    @BeforeAll
    static void start() {
        sentinel = PrivateRedisSentinel.startOrSkip(2);
    }

    @AfterAll
    static void stop() {
        if (sentinel != null) {
            sentinel.close();
        }
    }

    private final RefundTools tools = new RefundTools();

    private ApplicationContextRunner app() {
        return tools.inApplication("spring.data.redis.sentinel.master=" + PrivateRedisSentinel.MASTER_NAME,
                "spring.data.redis.sentinel.nodes=" + sentinel.sentinelNodes(), "promptkit.state-store.wait-for-replicas=1");
    }

    @Test
    void aConversationThroughTheSentinelsGoesOnAfterTheMasterIsKilledWithEveryAcknowledgedTurn() throws Exception {
        app().run(context -> {
            assertThat(context).hasSingleBean(RedisStateStore.class);
            Conversations conversations = context.getBean(Conversations.class);
            Conversation chat = conversations.open("chat");
            List<String> acknowledged = new ArrayList<>();
            for (String text : List.of("where is order A-1?", "thanks")) {
                chat.send(text);
                acknowledged.add(text);
            }
            String callId = chat.send("big refund please").pendingTools().get(0).id();
            acknowledged.add("big refund please");
            chat.resolveTool(callId);

            PrivateRedisServer old = sentinel.master();
            old.kill();
            PrivateRedisServer promoted = sentinel.awaitFailoverFrom(old);

            Await.until("the conversation goes on on the promoted master " + promoted, Duration.ofSeconds(60), () -> {
                try {
                    conversations.resume(chat.id(), "chat").continueTurn();
                    return true;
                }
                catch (StateStoreException notYet) {
                    return false;
                }
            });
            conversations.resume(chat.id(), "chat").send("and now?");
            acknowledged.add("and now?");

            List<Message> history = conversations.resume(chat.id(), "chat").messages();
            assertThat(history.stream().filter(message -> message.role() == Role.USER).map(Message::text))
                    .containsExactlyElementsOf(acknowledged);
            assertThat(history).extracting(Message::text).contains("refunded 5000.0 (refund #1)",
                    "Your refund is on its way.");
            assertThat(tools.refunds).hasValue(1);
        });
    }
}
