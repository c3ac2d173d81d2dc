/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.autoconfigure.actuate;

import dev.promptkit.autoconfigure.PromptKitAutoConfiguration;
import dev.promptkit.autoconfigure.eval.LiveEvalStatus;
import dev.promptkit.autoconfigure.eval.PromptKitEvalAutoConfiguration;
import dev.promptkit.autoconfigure.mcp.PromptKitMcpAutoConfiguration;
import dev.promptkit.autoconfigure.media.PromptKitMediaAutoConfiguration;
import dev.promptkit.autoconfigure.media.PromptKitMediaProperties;
import dev.promptkit.autoconfigure.pack.PromptPacks;
import dev.promptkit.autoconfigure.provider.PromptKitProviderProperties;
import dev.promptkit.autoconfigure.recording.PromptKitRecordingAutoConfiguration;
import dev.promptkit.autoconfigure.tool.PromptToolCatalog;
import dev.promptkit.autoconfigure.voice.PromptKitVoiceAutoConfiguration;
import dev.promptkit.autoconfigure.voice.VoiceSettings;
import dev.promptkit.event.EventBus;
import dev.promptkit.provider.ProviderRegistry;
import dev.promptkit.recording.EventRecorder;
import dev.promptkit.sdk.Conversations;
import dev.promptkit.state.StateStore;
import dev.promptkit.tool.BlockingToolThreads;
import dev.promptkit.tool.PendingStore;
import dev.promptkit.tool.mcp.McpServers;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.autoconfigure.endpoint.condition.ConditionalOnAvailableEndpoint;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.health.contributor.ReactiveHealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The {@code promptkit} actuator endpoint and health indicator.
 *
 * @since 0.1.0
 */
@AutoConfiguration(after = { PromptKitAutoConfiguration.class, PromptKitMcpAutoConfiguration.class,
        PromptKitRecordingAutoConfiguration.class, PromptKitEvalAutoConfiguration.class,
        PromptKitVoiceAutoConfiguration.class, PromptKitMediaAutoConfiguration.class })
@ConditionalOnBean(ProviderRegistry.class)
public final class PromptKitActuatorAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnBean(EventBus.class)
    UsageTotals promptKitUsageTotals(EventBus events) {
        return new UsageTotals(events);
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "org.springframework.boot.actuate.endpoint.annotation.Endpoint")
    @ConditionalOnAvailableEndpoint(PromptKitEndpoint.class)
    static class EndpointConfiguration {

        @Bean
        @ConditionalOnMissingBean
        PromptKitEndpoint promptKitEndpoint(PromptPacks packs, ProviderRegistry providers,
                PromptKitProviderProperties providerProperties, PromptToolCatalog tools,
                ObjectProvider<BlockingToolThreads> blockingTools, StateStore stateStore, PendingStore pendingStore,
                ObjectProvider<McpServers> mcpServers, UsageTotals totals, Conversations conversations,
                ObjectProvider<VoiceSettings> voice, ObjectProvider<PromptKitMediaProperties> media,
                ObjectProvider<EventRecorder> recorder,
                ObjectProvider<LiveEvalStatus> liveEvals) {
            return new PromptKitEndpoint(packs, providers, providerProperties, tools, blockingTools.getIfAvailable(),
                    stateStore, pendingStore, mcpServers.getIfAvailable(), totals, conversations, voice.getIfAvailable(),
                    media.getIfAvailable(), recorder.getIfAvailable(),
                    liveEvals.getIfAvailable());
        }
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(ReactiveHealthIndicator.class)
    @ConditionalOnEnabledHealthIndicator("promptkit")
    static class HealthConfiguration {

        @Bean
        @ConditionalOnMissingBean(name = "promptKitHealthIndicator")
        PromptKitHealthIndicator promptKitHealthIndicator(ProviderRegistry providers, StateStore stateStore,
                ObjectProvider<McpServers> mcpServers) {
            return new PromptKitHealthIndicator(providers, stateStore, mcpServers.getIfAvailable());
        }
    }
}
