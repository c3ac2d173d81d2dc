/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.autoconfigure.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.promptkit.autoconfigure.PromptKitContextRunners;
import dev.promptkit.sdk.Conversation;
import dev.promptkit.sdk.ConversationNotFoundException;
import dev.promptkit.sdk.Conversations;
import dev.promptkit.state.InMemoryStateStore;
import dev.promptkit.state.StateStore;
import dev.promptkit.test.RealRedis;
import dev.promptkit.state.redis.RedisStateStore;
import dev.promptkit.tool.redis.RedisPendingStore;
import dev.promptkit.types.Message;
import dev.promptkit.provider.Provider;
import dev.promptkit.state.ConversationConflictException;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.data.redis.connection.ReactiveRedisConnectionFactory;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;
import tools.jackson.databind.json.JsonMapper;

@ExtendWith(RealRedis.class)
class PromptKitRedisStateStoreAutoConfigurationTests {

    private final String prefix = "pk-test-" + UUID.randomUUID();

    private ApplicationContextRunner contextRunner(LettuceConnectionFactory redis) {
        return PromptKitContextRunners.withMockProvider()
                .withConfiguration(org.springframework.boot.autoconfigure.AutoConfigurations.of(
                        PromptKitRedisStateStoreAutoConfiguration.class))
                .withBean(ReactiveRedisConnectionFactory.class, () -> sharedAcrossContexts(redis))
                .withPropertyValues("promptkit.state-store.key-prefix=" + prefix);
    }

    /** The test's connection, hidden behind its interface so that closing a context does not destroy it. */
    private static ReactiveRedisConnectionFactory sharedAcrossContexts(LettuceConnectionFactory redis) {
        return (ReactiveRedisConnectionFactory) java.lang.reflect.Proxy.newProxyInstance(
                ReactiveRedisConnectionFactory.class.getClassLoader(), new Class<?>[] { ReactiveRedisConnectionFactory.class },
                (proxy, method, arguments) -> {
                    try {
                        return method.invoke(redis, arguments);
                    }
                    catch (java.lang.reflect.InvocationTargetException ex) {
                        throw ex.getCause();
                    }
                });
    }

    @Test
    void aRedisConnectionGivesRedisStores(LettuceConnectionFactory redis) {
        contextRunner(redis).run(context -> assertThat(context).hasSingleBean(RedisStateStore.class)
                .hasSingleBean(RedisPendingStore.class).doesNotHaveBean(InMemoryStateStore.class));
    }

    @Test
    void aConversationResumesAfterARestartOnTheSameRedis(LettuceConnectionFactory redis) {
        String[] id = new String[1];
        contextRunner(redis).run(first -> {
            Conversation chat = first.getBean(Conversations.class).open("faq");
            chat.send("first message");
            id[0] = chat.id();
        });
        contextRunner(redis).run(second -> {
            Conversation again = second.getBean(Conversations.class).resume(id[0], "faq");
            again.send("second message");
            assertThat(again.messages()).extracting(Message::text)
                    .containsExactly("first message", "Done.", "second message", "Done.");
            second.getBean(StateStore.class).delete(id[0]).block();
        });
    }

    @Test
    void twoApplicationsAnsweringOneConversationAtOnceStoreOneTurnAndTheOtherGetsAConflict(
            LettuceConnectionFactory redis) {
        OverlappingProvider provider = new OverlappingProvider(2);
        String[] id = new String[1];
        contextRunner(redis).withBean(Provider.class, () -> provider).run(first -> {
            Conversation opened = first.getBean(Conversations.class).open("faq");
            opened.saveAsync().block();
            id[0] = opened.id();
            contextRunner(redis).withBean(Provider.class, () -> provider).run(second -> {
                List<Object> outcomes = OverlappingProvider.sendFromEach(id[0], first, second);

                assertThat(outcomes).hasSize(2).containsOnlyOnce("Done.")
                        .filteredOn(ConversationConflictException.class::isInstance).hasSize(1);
                assertThat(second.getBean(Conversations.class).resume(id[0], "faq").messages())
                        .extracting(Message::text).containsExactly("Where is my order?", "Done.");
            });
            first.getBean(StateStore.class).delete(id[0]).block();
        });
    }

    @Test
    void theStoresTakeTheirTimeOutFromTheProperties(LettuceConnectionFactory redis) {
        contextRunner(redis).withPropertyValues("promptkit.state-store.timeout=0s")
                .run(context -> assertThat(context).hasFailed().getFailure().rootCause()
                        .hasMessageContaining("promptkit.state-store.timeout must be a positive duration"));
    }

    @Test
    void aNegativeNumberOfReplicasToWaitForFailsTheStartUp(LettuceConnectionFactory redis) {
        contextRunner(redis).withPropertyValues("promptkit.state-store.wait-for-replicas=-1")
                .run(context -> assertThat(context).hasFailed().getFailure().rootCause()
                        .hasMessageContaining("promptkit.state-store.wait-for-replicas must be 0 (no wait) or a number"
                                + " of replicas, was -1"));
    }

    @Test
    void conversationsStoredUnderTheKeyNamesOfVersion01AreMovedAtStartUpWhenAsked(LettuceConnectionFactory redis) {
        StringRedisTemplate keys = new StringRedisTemplate(redis);
        String base = prefix + ":conversation:from-0.1";
        keys.opsForValue().set(base + ":meta", "{\"id\":\"from-0.1\",\"updated_at\":\"2026-01-01T00:00:00Z\","
                + "\"message_count\":2,\"version\":1}", Duration.ofMinutes(10));
        keys.opsForList().rightPushAll(base + ":messages", JsonMapper.shared().writeValueAsString(
                Message.user("stored by 0.1")), JsonMapper.shared().writeValueAsString(Message.assistant("Done.")));
        keys.expire(base + ":messages", Duration.ofMinutes(10));

        contextRunner(redis).run(context -> assertThatThrownBy(() -> context.getBean(Conversations.class)
                .resume("from-0.1", "faq")).as("not found before the migration")
                .isInstanceOf(ConversationNotFoundException.class));
        contextRunner(redis).withPropertyValues("promptkit.state-store.migrate-legacy-keys=true").run(context -> {
            Conversation moved = context.getBean(Conversations.class).resume("from-0.1", "faq");
            moved.send("and now?");
            assertThat(moved.messages()).extracting(Message::text)
                    .containsExactly("stored by 0.1", "Done.", "and now?", "Done.");
            assertThat(keys.hasKey(base + ":meta")).isFalse();
            context.getBean(StateStore.class).delete("from-0.1").block();
        });
    }

    @Test
    void theMemoryTypeOrAMissingRedisLibraryKeepsTheInMemoryStores(LettuceConnectionFactory redis) {
        contextRunner(redis).withPropertyValues("promptkit.state-store.type=memory")
                .run(context -> assertThat(context).hasSingleBean(InMemoryStateStore.class)
                        .doesNotHaveBean(RedisStateStore.class));
        contextRunner(redis).withClassLoader(new FilteredClassLoader(RedisStateStore.class))
                .run(context -> assertThat(context).hasSingleBean(InMemoryStateStore.class));
    }

    @Test
    void backsOffWhenTheUserDefinesAStateStore(LettuceConnectionFactory redis) {
        contextRunner(redis).withBean(StateStore.class, InMemoryStateStore::new)
                .run(context -> assertThat(context).hasSingleBean(StateStore.class)
                        .doesNotHaveBean(RedisStateStore.class).hasSingleBean(RedisPendingStore.class));
    }
}
