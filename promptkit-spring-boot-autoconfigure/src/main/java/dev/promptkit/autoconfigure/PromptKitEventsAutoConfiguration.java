/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.autoconfigure;

import dev.promptkit.event.EventBus;
import dev.promptkit.event.EventListener;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * The application's {@link EventBus}, shared by every conversation and provider, where metrics, the
 * actuator's totals and the application's own listeners hear what happens. Every {@link EventListener}
 * bean listens (asynchronously, on its own bounded queue).
 *
 * @since 0.1.0
 */
@AutoConfiguration
public final class PromptKitEventsAutoConfiguration {

    @Bean(destroyMethod = "close")
    @ConditionalOnMissingBean
    EventBus promptKitEventBus(ObjectProvider<EventListener> listeners) {
        EventBus events = EventBus.create();
        listeners.orderedStream().forEach(events::subscribe);
        return events;
    }
}
