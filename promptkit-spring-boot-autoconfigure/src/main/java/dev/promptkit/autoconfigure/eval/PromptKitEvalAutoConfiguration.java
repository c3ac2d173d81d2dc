/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.autoconfigure.eval;

import dev.promptkit.autoconfigure.ConversationOptionsCustomizer;
import dev.promptkit.autoconfigure.PromptKitAutoConfiguration;
import dev.promptkit.autoconfigure.PromptKitEventsAutoConfiguration;
import dev.promptkit.autoconfigure.pack.PromptKitPackAutoConfiguration;
import dev.promptkit.autoconfigure.pack.PromptPacks;
import dev.promptkit.eval.EvalRegistry;
import dev.promptkit.eval.LiveEvaluator;
import dev.promptkit.event.EventBus;
import dev.promptkit.sdk.Conversations;
import dev.promptkit.validation.ValidatorRegistry;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Objects;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;

/**
 * Live evals, with {@code promptkit.eval.enabled=true}: a {@link LiveEvaluator} (threads, queue and sampling from
 * {@code promptkit.eval.*}; handler types from an {@link EvalRegistry} bean, else the standard ones over the
 * conversations' validator types) that every conversation's turns hand their packs' evals to; the results'
 * {@link LiveEvalStatus} for {@code /actuator/promptkit}; and, with Micrometer, the {@link LiveEvalMeters}. Every
 * pack's evals are compiled at start-up, and those that cannot run (unknown type or trigger, bad params) logged.
 *
 * @since 0.1.0
 */
@AutoConfiguration(after = { PromptKitEventsAutoConfiguration.class, PromptKitPackAutoConfiguration.class,
        PromptKitAutoConfiguration.class },
        afterName = "org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration")
@ConditionalOnBooleanProperty("promptkit.eval.enabled")
@EnableConfigurationProperties(PromptKitEvalProperties.class)
public final class PromptKitEvalAutoConfiguration {

    @Bean(destroyMethod = "close")
    @ConditionalOnMissingBean
    LiveEvaluator promptKitLiveEvaluator(PromptKitEvalProperties properties, ObjectProvider<EvalRegistry> registry) {
        EvalRegistry handlers = registry.getIfAvailable();
        return new LiveEvaluator(handlers != null ? properties.toSettings().withRegistry(handlers)
                : properties.toSettings());
    }

    @Bean
    @Order(ConversationOptionsCustomizer.STARTER_ORDER)
    ConversationOptionsCustomizer promptKitLiveEvals(LiveEvaluator evaluator) {
        return options -> options.pipeline(pipeline -> pipeline.withLiveEvals(evaluator));
    }

    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnBean({ EventBus.class, PromptPacks.class, Conversations.class })
    LiveEvalStatus promptKitLiveEvalStatus(LiveEvaluator evaluator, EventBus events, PromptPacks packs,
            Conversations conversations, PromptKitEvalProperties properties) {
        ValidatorRegistry validators = Objects.requireNonNullElseGet(
                conversations.defaults().validation().registry(), ValidatorRegistry::standard);
        LiveEvalStatus status = new LiveEvalStatus(evaluator, validators, events, properties.recentResults());
        packs.byName().values().forEach(status::describe);
        return status;
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(MeterRegistry.class)
    @ConditionalOnBean({ MeterRegistry.class, EventBus.class })
    static class MetricsConfiguration {

        @Bean
        @ConditionalOnMissingBean
        LiveEvalMeters promptKitLiveEvalMeters(MeterRegistry registry, EventBus events, LiveEvaluator evaluator) {
            return new LiveEvalMeters(registry, events, evaluator);
        }
    }
}
