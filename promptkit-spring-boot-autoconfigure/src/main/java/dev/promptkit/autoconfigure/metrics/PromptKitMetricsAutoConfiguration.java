/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.autoconfigure.metrics;

import dev.promptkit.autoconfigure.PromptKitAutoConfiguration;
import dev.promptkit.event.EventBus;
import dev.promptkit.provider.ProviderRegistry;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * Micrometer meters for PromptKit's requests, tokens, cost in USD, streams, tools, validations, retries and
 * rejections (these two at zero from the start for every provider of the {@link ProviderRegistry}).
 *
 * @since 0.1.0
 */
@AutoConfiguration(after = PromptKitAutoConfiguration.class,
        afterName = "org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration")
@ConditionalOnClass(MeterRegistry.class)
@ConditionalOnBean({ MeterRegistry.class, EventBus.class })
public final class PromptKitMetricsAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    PromptKitMeters promptKitMeters(MeterRegistry registry, EventBus events, ObjectProvider<ProviderRegistry> providers) {
        PromptKitMeters meters = new PromptKitMeters(registry, events);
        providers.ifAvailable(configured -> meters.registerProviders(configured.asMap().keySet()));
        return meters;
    }
}
