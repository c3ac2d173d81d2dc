/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.autoconfigure.eval;

import dev.promptkit.autoconfigure.PromptKitEventsAutoConfiguration;
import dev.promptkit.autoconfigure.provider.PromptKitProviderAutoConfiguration;
import dev.promptkit.autoconfigure.provider.ProviderConfigurationException;
import dev.promptkit.eval.EvalHandlerFactory;
import dev.promptkit.eval.EvalHandlerLibrary;
import dev.promptkit.eval.EvalRegistry;
import dev.promptkit.eval.JudgeSettings;
import dev.promptkit.event.EventBus;
import dev.promptkit.provider.Provider;
import dev.promptkit.provider.ProviderRegistry;
import dev.promptkit.validation.ValidatorLibrary;
import dev.promptkit.validation.ValidatorRegistry;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/**
 * The {@link EvalRegistry} of the application: the built-in eval handlers, those of {@link EvalHandlerLibrary}
 * beans, each {@link EvalHandlerFactory} bean under its bean name, the validator types (with those of
 * {@link ValidatorLibrary} beans), and {@code llm_judge} asking the provider named by
 * {@code promptkit.eval.judge.provider}. Its text handlers are also the guardrail types a pack's
 * {@code validators[]} may name.
 *
 * @since 0.1.0
 */
@AutoConfiguration(after = { PromptKitEventsAutoConfiguration.class, PromptKitProviderAutoConfiguration.class })
@EnableConfigurationProperties(PromptKitEvalJudgeProperties.class)
public final class PromptKitEvalRegistryAutoConfiguration {

    private static final String JUDGE_PROVIDER = "promptkit.eval.judge.provider";

    @Bean
    @ConditionalOnMissingBean
    EvalRegistry promptKitEvalRegistry(PromptKitEvalJudgeProperties judge, ObjectProvider<ProviderRegistry> providers,
            ObjectProvider<EventBus> events, ObjectProvider<EvalHandlerLibrary> libraries,
            ObjectProvider<ValidatorLibrary> validatorLibraries, ListableBeanFactory beans) {
        ValidatorRegistry validators = ValidatorRegistry.standard();
        validatorLibraries.orderedStream().forEach(validators::registerAll);
        EvalRegistry registry = EvalRegistry.standard(validators);
        libraries.orderedStream().forEach(registry::registerAll);
        beans.getBeansOfType(EvalHandlerFactory.class).forEach(registry::register);
        if (judge.provider() != null && !judge.provider().isBlank()) {
            registry.judge(new JudgeSettings(judgeProvider(judge.provider(), providers.getIfAvailable()),
                    judge.model(), events.getIfAvailable(), judge.timeout()));
        }
        return registry;
    }

    private static Provider judgeProvider(String name, ProviderRegistry providers) {
        if (providers == null) {
            throw new ProviderConfigurationException(JUDGE_PROVIDER, "The eval judge provider '" + name
                    + "' cannot be found: the application has no provider registry.",
                    "Configure a provider under promptkit.providers, or remove " + JUDGE_PROVIDER + ".", null);
        }
        try {
            return providers.get(name);
        }
        catch (IllegalArgumentException ex) {
            throw new ProviderConfigurationException(JUDGE_PROVIDER, "The eval judge provider '" + name
                    + "' is not configured. " + ex.getMessage() + ".", "Set " + JUDGE_PROVIDER + " to one of "
                    + providers.asMap().keySet() + ", or configure a provider named '" + name
                    + "' under promptkit.providers.", null);
        }
    }
}
