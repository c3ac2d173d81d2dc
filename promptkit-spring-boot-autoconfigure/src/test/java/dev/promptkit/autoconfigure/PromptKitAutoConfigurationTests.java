/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import dev.promptkit.autoconfigure.pack.PromptKitPackAutoConfiguration;
import dev.promptkit.autoconfigure.pack.PromptPacks;
import dev.promptkit.autoconfigure.provider.PromptKitProviderAutoConfiguration;
import dev.promptkit.autoconfigure.state.PromptKitStateStoreAutoConfiguration;
import dev.promptkit.autoconfigure.tool.PromptKitToolsAutoConfiguration;
import dev.promptkit.pack.PackException;
import dev.promptkit.pack.PackNotFoundException;
import dev.promptkit.provider.ProviderRegistry;
import dev.promptkit.sdk.Conversation;
import dev.promptkit.sdk.Conversations;
import dev.promptkit.sdk.DuplexConversation;
import dev.promptkit.sdk.StreamChunk;
import dev.promptkit.spring.PromptConversation;
import dev.promptkit.state.InMemoryStateStore;
import dev.promptkit.state.StateStore;
import dev.promptkit.tool.InMemoryPendingStore;
import dev.promptkit.tool.PendingStore;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

class PromptKitAutoConfigurationTests {

    private final ApplicationContextRunner contextRunner = PromptKitContextRunners.withMockProvider();

    @Test
    void packsOnTheClassPathAreFoundAndConversationsAnswerThroughTheMock() {
        contextRunner.run(context -> {
            assertThat(context).hasSingleBean(Conversations.class).hasSingleBean(InMemoryStateStore.class)
                    .hasSingleBean(InMemoryPendingStore.class);
            PromptPacks packs = context.getBean(PromptPacks.class);
            assertThat(packs.byName()).containsOnlyKeys("shop");
            assertThat(packs.defaultName()).isEqualTo("shop");
            Conversation chat = context.getBean(Conversations.class).open("faq");
            assertThat(chat.send("how long does shipping take?").text()).isEqualTo("Done.");
        });
    }

    @Test
    void theConfiguredPackIsTheDefaultAndMorePacksAreNamed() {
        contextRunner.withPropertyValues("promptkit.pack=classpath:packs/shop.pack.json",
                "promptkit.packs.extra=classpath:extra/other.pack.json").run(context -> {
                    PromptPacks packs = context.getBean(PromptPacks.class);
                    assertThat(packs.byName()).containsOnlyKeys("shop", "extra");
                    assertThat(packs.defaultName()).isEqualTo("shop");
                    assertThat(context.getBean(Conversations.class).open("extra", "greet").promptName())
                            .isEqualTo("greet");
                });
    }

    @Test
    void aMissingPackFailsStartUpNamingItsLocation() {
        contextRunner.withPropertyValues("promptkit.pack=classpath:nope.pack.json").run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).rootCause().isInstanceOf(PackNotFoundException.class)
                    .hasMessageContaining("classpath:nope.pack.json");
        });
    }

    @Test
    void anInvalidPackFailsStartUpWithItsJsonPointers() {
        contextRunner.withPropertyValues("promptkit.pack=classpath:broken/broken.pack.json").run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).rootCause().isInstanceOf(PackException.class)
                    .hasMessageContaining("classpath:broken/broken.pack.json")
                    .hasMessageContaining("/prompts/chat/version");
        });
    }

    @Test
    void eachPromptConversationInjectionPointGetsItsOwnConversation() {
        contextRunner.withUserConfiguration(TwoChats.class).run(context -> {
            TwoChats chats = context.getBean(TwoChats.class);
            assertThat(chats.first.promptName()).isEqualTo("chat");
            assertThat(chats.second.promptName()).isEqualTo("faq");
            assertThat(chats.first.id()).isNotEqualTo(chats.second.id());
        });
    }

    @Test
    void aDuplexInjectionPointGetsALiveSessionThatIsClosedWithTheContext() {
        AtomicReference<DuplexConversation> injected = new AtomicReference<>();
        contextRunner.withUserConfiguration(VoiceChat.class).run(context -> {
            DuplexConversation voice = context.getBean(VoiceChat.class).voice;
            injected.set(voice);
            assertThat(voice.promptName()).isEqualTo("faq");
            CompletableFuture<StreamChunk> turn = voice.response()
                    .filter(chunk -> chunk.type() == StreamChunk.Type.TURN_COMPLETE).next().toFuture();
            voice.sendText("how long does shipping take?");
            assertThat(turn.get(10, TimeUnit.SECONDS).response().text()).isNotBlank();
            assertThat(voice.isClosed()).isFalse();
        });
        assertThat(injected.get().isClosed()).isTrue();
        injected.get().done().block(Duration.ofSeconds(5));
        assertThat(injected.get().sessionError()).isEmpty();
    }

    @Test
    void aConversationInjectedWithoutThePromptAnnotationIsExplainedWithAHint() {
        FailureAnalysis analysis = StartupFailures.analysis(contextRunner.withUserConfiguration(UnannotatedChat.class),
                new ConversationInjectionFailureAnalyzer());

        assertThat(analysis.getDescription()).startsWith("Parameter 0 of constructor in "
                + UnannotatedChat.class.getName() + " asks for a Conversation without saying which prompt it runs");
        assertThat(analysis.getAction()).contains("@PromptConversation(\"<prompt>\")");
    }

    @Test
    void anApplicationsOwnConversationBeanLeavesPromptConversationInjectionOn() {
        contextRunner.withUserConfiguration(OwnConversation.class, MixedChats.class).run(context -> {
            MixedChats chats = context.getBean(MixedChats.class);
            assertThat(chats.mine).as("plain injection gets the application's bean")
                    .isSameAs(context.getBean(OwnConversation.class).mine);
            assertThat(chats.chat.promptName()).isEqualTo("chat");
            assertThat(chats.field.promptName()).isEqualTo("faq");
            assertThat(List.of(chats.mine.id(), chats.chat.id(), chats.field.id())).doesNotHaveDuplicates();
            assertThat(context.getBeansOfType(Conversation.class)).containsOnlyKeys("mine");
        });
    }

    @Test
    void promptConversationPointsNeedNoConversationBeanAndGetNoneThatExists() {
        contextRunner.withUserConfiguration(OwnConversation.class, TwoChats.class).run(context -> {
            TwoChats chats = context.getBean(TwoChats.class);
            assertThat(chats.first).isNotSameAs(context.getBean(Conversation.class));
            assertThat(chats.first.promptName()).isEqualTo("chat");
        });
    }

    @Test
    void thePromptAnnotationOnAnotherTypeFailsStartUpNamingIt() {
        contextRunner.withUserConfiguration(WrongType.class).run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).rootCause()
                    .hasMessageContaining("@PromptConversation injects a Conversation (turns) or a DuplexConversation (a live session), not a java.lang.String");
        });
    }

    @Test
    void anObjectProviderWithThePromptAnnotationOpensAConversationEachTime() {
        contextRunner.withUserConfiguration(OwnConversation.class, ChatsOnDemand.class).run(context -> {
            ObjectProvider<Conversation> chats = context.getBean(ChatsOnDemand.class).chats;
            Conversation first = chats.getObject();
            Conversation second = chats.getObject();
            assertThat(List.of(first.promptName(), second.promptName())).containsOnly("chat");
            assertThat(first.id()).isNotEqualTo(second.id());
            assertThat(first).isNotSameAs(context.getBean(Conversation.class));
        });
    }

    @Test
    void userDefinedStoresAndConversationsReplaceTheDefaults() {
        contextRunner.withUserConfiguration(OwnStores.class).run(context -> {
            assertThat(context).hasSingleBean(StateStore.class).hasSingleBean(PendingStore.class);
            assertThat(context.getBean(StateStore.class)).isSameAs(context.getBean(OwnStores.class).store);
            assertThat(context.getBeanNamesForType(PendingStore.class)).containsExactly("myPending");
            assertThat(context).doesNotHaveBean("promptKitStateStore").doesNotHaveBean("promptKitPendingStore");
        });
    }

    @Test
    void stateStorePropertiesShapeTheInMemoryStore() {
        contextRunner.withPropertyValues("promptkit.state-store.max-conversations=2").run(context -> {
            InMemoryStateStore store = context.getBean(InMemoryStateStore.class);
            Conversations conversations = context.getBean(Conversations.class);
            for (int i = 0; i < 3; i++) {
                conversations.open("faq").send("hello " + i);
            }
            assertThat(store.size()).isEqualTo(2);
        });
    }

    @Test
    void theProviderRegistryIsClosedWithTheContext() {
        contextRunner.run(context -> assertThat(context).hasSingleBean(ProviderRegistry.class));
    }

    @Configuration(proxyBeanMethods = false)
    static class TwoChats {
        final Conversation first;
        final Conversation second;

        TwoChats(@PromptConversation("chat") Conversation first, @PromptConversation(value = "faq", pack = "shop")
                Conversation second) {
            this.first = first;
            this.second = second;
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class VoiceChat {
        final DuplexConversation voice;

        VoiceChat(@PromptConversation("faq") DuplexConversation voice) {
            this.voice = voice;
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class UnannotatedChat {
        UnannotatedChat(Conversation chat) {
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class OwnConversation {
        Conversation mine;

        @Bean
        Conversation mine(Conversations conversations) {
            mine = conversations.open("faq");
            return mine;
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class MixedChats {
        final Conversation mine;
        final Conversation chat;

        @Autowired
        @PromptConversation("faq")
        Conversation field;

        MixedChats(Conversation mine, @PromptConversation("chat") Conversation chat) {
            this.mine = mine;
            this.chat = chat;
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class WrongType {
        WrongType(@PromptConversation("chat") String chat) {
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class ChatsOnDemand {
        final ObjectProvider<Conversation> chats;

        ChatsOnDemand(@PromptConversation("chat") ObjectProvider<Conversation> chats) {
            this.chats = chats;
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class OwnStores {
        final InMemoryStateStore store = new InMemoryStateStore();

        @Bean
        StateStore myStore() {
            return store;
        }

        @Bean
        PendingStore myPending() {
            return new InMemoryPendingStore();
        }
    }
}
