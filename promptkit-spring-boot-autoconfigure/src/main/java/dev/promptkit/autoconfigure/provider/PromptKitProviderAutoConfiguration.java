/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.autoconfigure.provider;

import dev.promptkit.autoconfigure.PromptKitEventsAutoConfiguration;
import dev.promptkit.event.EventBus;
import dev.promptkit.provider.Provider;
import dev.promptkit.provider.ProviderFactories;
import dev.promptkit.provider.ProviderFactory;
import dev.promptkit.provider.ProviderHost;
import dev.promptkit.provider.ProviderRegistry;
import io.micrometer.observation.ObservationRegistry;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.core.io.ResourceLoader;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * The LLM providers: every {@link ProviderFactory} bean joins the built-in ones, and the
 * {@link ProviderRegistry} holds every configured provider by name (plus the application's own
 * {@link Provider} beans), so several providers, even of one type, live side by side without bean
 * conflicts. With an {@link ObservationRegistry}, every provider call is an observation with the
 * OpenTelemetry GenAI attributes (see {@link ObservedProvider}).
 *
 * @since 0.1.0
 */
@AutoConfiguration(after = PromptKitEventsAutoConfiguration.class,
        afterName = "org.springframework.boot.webclient.autoconfigure.WebClientAutoConfiguration")
@EnableConfigurationProperties(PromptKitProviderProperties.class)
public final class PromptKitProviderAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    ProviderFactories promptKitProviderFactories(ObjectProvider<ProviderFactory> factories, EventBus events,
            ObjectProvider<WebClient.Builder> webClients) {
        ProviderFactories all = ProviderFactories.discover(ProviderHost.publishingTo(events,
                () -> webClients.getIfAvailable(WebClient::builder)));
        factories.orderedStream().forEach(all::register);
        return all;
    }

    @Bean(destroyMethod = "close")
    @ConditionalOnMissingBean
    ProviderRegistry promptKitProviders(PromptKitProviderProperties properties, ProviderFactories factories,
            ObjectProvider<Provider> providers, Environment environment, ResourceLoader resourceLoader,
            ObjectProvider<ObservationRegistry> observations) {
        ProviderRegistry registry = new ConfiguredProviders(properties, factories, environment,
                resourceLoader.getClassLoader())
                .registry(providers.orderedStream().toList());
        ObservationRegistry observationRegistry = observations.getIfAvailable(() -> ObservationRegistry.NOOP);
        if (observationRegistry.isNoop()) {
            return registry;
        }
        java.util.Map<String, Provider> observed = new java.util.LinkedHashMap<>();
        registry.asMap().forEach((name, provider) -> observed.put(name, new ObservedProvider(provider,
                observationRegistry)));
        return new ProviderRegistry(observed, registry.defaultName());
    }
}
