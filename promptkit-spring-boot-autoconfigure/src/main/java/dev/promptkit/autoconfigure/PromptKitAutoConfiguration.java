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
import dev.promptkit.event.EventBus;
import dev.promptkit.provider.ProviderRegistry;
import dev.promptkit.sdk.Conversation;
import dev.promptkit.sdk.ConversationOptions;
import dev.promptkit.sdk.Conversations;
import dev.promptkit.state.StateStore;
import dev.promptkit.pipeline.Stage;
import dev.promptkit.pipeline.VariableProvider;
import dev.promptkit.tool.BlockingToolThreads;
import dev.promptkit.tool.PendingStore;
import dev.promptkit.validation.ValidatorLibrary;
import dev.promptkit.validation.ValidatorRegistry;
import java.util.List;
import dev.promptkit.tool.mcp.McpServers;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.InjectionPoint;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Scope;

/**
 * The {@link Conversations} factory over the loaded packs, the default provider, the state stores, the
 * event bus and the {@code @PromptTool} methods; and a new {@link Conversation} for every
 * {@code @PromptConversation("prompt")} injection point (duplex ones closed with the context). The application extends every conversation with
 * beans: {@link Stage}s (placed by {@code PlacedStage}, else right after the provider; {@code @Order}
 * orders stages at one place), {@link VariableProvider}s and {@link ValidatorLibrary validator types}
 * (one named like a built-in type fails start-up unless {@code promptkit.validation.replace-built-in-types}
 * is set), and {@link ConversationOptionsCustomizer}s have the last word on the options.
 *
 * @since 0.1.0
 */
@AutoConfiguration(after = { PromptKitEventsAutoConfiguration.class, PromptKitPackAutoConfiguration.class, PromptKitProviderAutoConfiguration.class,
        PromptKitStateStoreAutoConfiguration.class, PromptKitToolsAutoConfiguration.class,
        PromptKitMcpAutoConfiguration.class })
@EnableConfigurationProperties(PromptKitProperties.class)
public final class PromptKitAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    Conversations promptKitConversations(PromptKitProperties properties, PromptPacks packs,
            ProviderRegistry providers, StateStore stateStore, PendingStore pendingStore, EventBus events,
            PromptToolCatalog tools, BlockingToolThreads blockingToolThreads, ObjectProvider<McpServers> mcpServers,
            ObjectProvider<Stage> stages,
            ObjectProvider<VariableProvider> variableProviders, ObjectProvider<ValidatorLibrary> validators,
            ObjectProvider<ConversationOptionsCustomizer> customizers) {
        ConversationOptions.Builder defaults = ConversationOptions.builder()
                .provider(providers.defaultProvider())
                .stateStore(stateStore)
                .pendingStore(pendingStore)
                .eventBus(events)
                .sharedTools(tools)
                .blockingToolThreads(blockingToolThreads)
                .idleTimeout(properties.conversation().idleTimeout())
                .toolTimeout(properties.conversation().toolTimeout())
                .maxParallelToolCalls(properties.conversation().maxParallelToolCalls())
                .validationMode(properties.validation().mode())
                .disabledValidators(properties.validation().disabled().toArray(String[]::new));
        mcpServers.ifAvailable(defaults::mcpServers);
        stages.orderedStream().forEach(defaults::stage);
        variableProviders.orderedStream().forEach(defaults::variableProvider);
        List<ValidatorLibrary> libraries = validators.orderedStream().toList();
        if (!libraries.isEmpty()) {
            defaults.validatorRegistry(validatorRegistry(libraries, properties.validation().replaceBuiltInTypes()));
        }
        if (properties.validation().strict()) {
            defaults.strictValidation();
        }
        if (properties.conversation().tokenBudget() > 0) {
            defaults.tokenBudget(properties.conversation().tokenBudget())
                    .truncation(properties.conversation().truncation());
        }
        properties.pricing().forEach((model, price) -> defaults.pricing(model, price.toModelPricing()));
        customizers.orderedStream().forEach(customizer -> customizer.customize(defaults));
        Conversations.Builder conversations = Conversations.builder().options(defaults.build());
        packs.byName().forEach(conversations::pack);
        if (packs.defaultName() != null) {
            conversations.defaultPack(packs.defaultName());
        }
        return conversations.build();
    }

    /** The standard validator types plus the application's; replacing a built-in type must be asked for. */
    private static ValidatorRegistry validatorRegistry(List<ValidatorLibrary> libraries, boolean replaceBuiltIns) {
        ValidatorRegistry registry = ValidatorRegistry.standard();
        java.util.Set<String> builtIn = registry.types();
        for (ValidatorLibrary library : libraries) {
            library.validators().keySet().stream().filter(builtIn::contains).findFirst().ifPresent(type -> {
                if (!replaceBuiltIns) {
                    throw new IllegalStateException("A ValidatorLibrary bean defines validator type '" + type
                            + "', which is built in; give it another name, or set "
                            + "promptkit.validation.replace-built-in-types=true to replace the built-in one");
                }
            });
            registry.registerAll(library);
        }
        return registry;
    }

    @Bean
    @ConditionalOnMissingBean
    PromptConversationInjection promptKitConversationInjection(Conversations conversations) {
        return new PromptConversationInjection(conversations);
    }

    @Bean
    @Scope("prototype")
    @ConditionalOnMissingBean
    Conversation promptKitConversation(InjectionPoint injectionPoint, PromptConversationInjection injection) {
        return injection.open(injectionPoint);
    }
}
