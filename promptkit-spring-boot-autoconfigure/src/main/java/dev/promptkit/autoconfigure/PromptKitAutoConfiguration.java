/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.autoconfigure;

import dev.promptkit.autoconfigure.mcp.PromptKitMcpAutoConfiguration;
import dev.promptkit.autoconfigure.pack.PromptKitPackAutoConfiguration;
import dev.promptkit.autoconfigure.pack.PromptPacks;
import dev.promptkit.autoconfigure.provider.PromptKitProviderAutoConfiguration;
import dev.promptkit.autoconfigure.state.PromptKitStateStoreAutoConfiguration;
import dev.promptkit.autoconfigure.tool.PromptKitToolsAutoConfiguration;
import dev.promptkit.autoconfigure.tool.PromptToolCatalog;
import dev.promptkit.eval.EvalRegistry;
import dev.promptkit.event.EventBus;
import dev.promptkit.pipeline.Stage;
import dev.promptkit.pipeline.VariableProvider;
import dev.promptkit.provider.ProviderRegistry;
import dev.promptkit.sdk.ConversationOptions;
import dev.promptkit.sdk.Conversations;
import dev.promptkit.spring.PromptConversation;
import dev.promptkit.state.StateStore;
import dev.promptkit.tool.BlockingToolThreads;
import dev.promptkit.tool.PendingStore;
import dev.promptkit.tool.mcp.McpServers;
import dev.promptkit.validation.ValidatorLibrary;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.core.annotation.Order;

/**
 * The {@link Conversations} factory over the loaded packs, the default provider, the state stores, the event bus and
 * the {@code @PromptTool} methods; and a new conversation for every {@link PromptConversation} injection point
 * (duplex ones closed with the context), whatever {@code Conversation} beans the application defines. The options
 * every conversation starts from are made by {@link ConversationOptionsCustomizer}s: the starter's apply
 * {@code promptkit.conversation.*}, {@code promptkit.validation.*} and {@code promptkit.pricing.*} and add the
 * application's {@link Stage}s (placed by {@code PlacedStage}, else right after the provider; {@code @Order} orders
 * stages at one place), {@link VariableProvider}s and {@link ValidatorLibrary validator types} (one named like a
 * built-in type fails start-up unless {@code promptkit.validation.replace-built-in-types} is set); the
 * application's own customizers run after them.
 */
@AutoConfiguration(after = { PromptKitEventsAutoConfiguration.class, PromptKitPackAutoConfiguration.class,
        PromptKitProviderAutoConfiguration.class, PromptKitStateStoreAutoConfiguration.class,
        PromptKitToolsAutoConfiguration.class, PromptKitMcpAutoConfiguration.class })
@EnableConfigurationProperties(PromptKitProperties.class)
public final class PromptKitAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    Conversations promptKitConversations(PromptPacks packs, ProviderRegistry providers, StateStore stateStore,
            PendingStore pendingStore, EventBus events, PromptToolCatalog tools,
            BlockingToolThreads blockingToolThreads, ObjectProvider<McpServers> mcpServers,
            ObjectProvider<ConversationOptionsCustomizer> customizers) {
        ConversationOptions.Builder defaults = ConversationOptions.builder().provider(providers.defaultProvider())
                .stateStore(stateStore).state(state -> state.withPendingStore(pendingStore)).eventBus(events)
                .tools(toolOptions -> toolOptions.withShared(tools).withBlockingThreads(blockingToolThreads)
                        .withMcpServers(mcpServers.getIfAvailable()));
        customizers.orderedStream().forEach(customizer -> customizer.customize(defaults));
        Conversations.Builder conversations = Conversations.builder().options(defaults.build());
        packs.byName().forEach(conversations::pack);
        if (packs.defaultName() != null) {
            conversations.defaultPack(packs.defaultName());
        }
        return conversations.build();
    }

    @Bean
    @Order(ConversationOptionsCustomizer.STARTER_ORDER)
    ConversationOptionsCustomizer promptKitConversationProperties(PromptKitProperties properties) {
        return new ConversationPropertiesCustomizer(properties.conversation());
    }

    @Bean
    @Order(ConversationOptionsCustomizer.STARTER_ORDER)
    ConversationOptionsCustomizer promptKitValidationProperties(PromptKitProperties properties,
            ObjectProvider<ValidatorLibrary> libraries, ObjectProvider<EvalRegistry> evals) {
        return new ValidationPropertiesCustomizer(properties.validation(), libraries.orderedStream().toList(),
                evals.getIfAvailable());
    }

    @Bean
    @Order(ConversationOptionsCustomizer.STARTER_ORDER)
    ConversationOptionsCustomizer promptKitPricingProperties(PromptKitProperties properties) {
        return new PricingPropertiesCustomizer(properties.pricing());
    }

    @Bean
    @Order(ConversationOptionsCustomizer.STARTER_ORDER)
    ConversationOptionsCustomizer promptKitPipelineBeans(ObjectProvider<Stage> stages,
            ObjectProvider<VariableProvider> variableProviders) {
        return new PipelineBeansCustomizer(stages.orderedStream().toList(), variableProviders.orderedStream().toList());
    }

    /** Answers {@link PromptConversation} injection points ahead of any {@code Conversation} bean. */
    @Bean
    static BeanFactoryPostProcessor promptKitConversationResolver() {
        return PromptConversationResolver::install;
    }

    @Bean
    @ConditionalOnMissingBean
    PromptConversationInjection promptKitConversationInjection(Conversations conversations) {
        return new PromptConversationInjection(conversations);
    }
}
