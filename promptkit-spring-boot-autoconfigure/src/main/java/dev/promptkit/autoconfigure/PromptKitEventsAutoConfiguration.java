package dev.promptkit.autoconfigure;

import dev.promptkit.event.EventBus;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * The application's {@link EventBus}, shared by every conversation and provider, where metrics, the
 * actuator's totals and the application's own listeners hear what happens.
 */
@AutoConfiguration
public final class PromptKitEventsAutoConfiguration {

    @Bean(destroyMethod = "close")
    @ConditionalOnMissingBean
    EventBus promptKitEventBus() {
        return EventBus.create();
    }
}
