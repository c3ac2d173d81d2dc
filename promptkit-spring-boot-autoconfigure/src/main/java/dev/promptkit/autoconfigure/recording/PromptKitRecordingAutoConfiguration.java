/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.autoconfigure.recording;

import dev.promptkit.autoconfigure.PromptKitEventsAutoConfiguration;
import dev.promptkit.autoconfigure.provider.PromptKitProviderProperties;
import dev.promptkit.event.EventBus;
import dev.promptkit.recording.EventRecorder;
import dev.promptkit.recording.EventStore;
import dev.promptkit.recording.FileEventStore;
import dev.promptkit.secret.SecretRedactor;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Session recording, with {@code promptkit.recording.enabled=true}: an {@link EventRecorder} on the application's
 * {@link EventBus} writes every conversation's events, with the configured providers' API keys (and any credential in
 * the environment) redacted, into the {@link EventStore}: JSON lines files ({@code store=file}) or Redis Streams
 * ({@code store=redis}, on the application's reactive Redis connection). With Micrometer, the meters
 * {@code promptkit.recording.events} (written) and {@code promptkit.recording.dropped} (lost to a full queue or a
 * failing or slow store) count them.
 *
 * @since 0.1.0
 */
@AutoConfiguration(after = { PromptKitEventsAutoConfiguration.class, PromptKitRedisRecordingAutoConfiguration.class })
@ConditionalOnBooleanProperty("promptkit.recording.enabled")
@EnableConfigurationProperties({ PromptKitRecordingProperties.class, PromptKitProviderProperties.class })
public final class PromptKitRecordingAutoConfiguration {

    /** The file store; with {@code store=redis}, reached only when there is no Redis connection, and fails. */
    @Bean
    @ConditionalOnMissingBean
    EventStore promptKitEventStore(PromptKitRecordingProperties properties) {
        if (properties.store() == RecordingStoreType.REDIS) {
            throw new RecordingConfigurationException();
        }
        return new FileEventStore(properties.directory());
    }

    @Bean(destroyMethod = "close")
    @ConditionalOnMissingBean
    @ConditionalOnBean(EventBus.class)
    EventRecorder promptKitEventRecorder(EventBus events, EventStore store, PromptKitRecordingProperties properties,
            PromptKitProviderProperties providers) {
        List<String> secrets = new ArrayList<>();
        providers.providers().values().forEach(provider -> {
            secrets.add(provider.apiKey());
            secrets.addAll(SecretRedactor.credentialValues(provider.headers()));
        });
        secrets.addAll(SecretRedactor.credentialValues(System.getenv()));
        return EventRecorder.start(events, store, new EventRecorder.Settings(properties.queueCapacity(),
                properties.writeTimeout(), SecretRedactor.of(secrets)));
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(MeterBinder.class)
    static class RecordingMeters {

        /** Bound to every registry the application has, as Spring Boot binds each {@link MeterBinder}. */
        @Bean
        @ConditionalOnBean(EventBus.class)
        MeterBinder promptKitRecordingMeters(EventRecorder recorder) {
            return registry -> {
                FunctionCounter.builder("promptkit.recording.events", recorder, EventRecorder::recordedEvents)
                        .description("Events written to the session recording store").register(registry);
                FunctionCounter.builder("promptkit.recording.dropped", recorder, EventRecorder::droppedEvents)
                        .description("Events the session recording lost: queue full, store failed or too slow")
                        .register(registry);
            };
        }
    }
}
