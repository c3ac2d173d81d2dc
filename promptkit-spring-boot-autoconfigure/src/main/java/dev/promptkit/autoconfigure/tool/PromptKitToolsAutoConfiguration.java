/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.autoconfigure.tool;

import dev.promptkit.autoconfigure.pack.PromptKitPackAutoConfiguration;
import dev.promptkit.autoconfigure.pack.PromptPacks;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * {@code @PromptTool} methods on any bean become the handlers of the packs' tools.
 *
 * @since 0.1.0
 */
@AutoConfiguration(after = PromptKitPackAutoConfiguration.class)
public final class PromptKitToolsAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    PromptToolCatalog promptKitToolCatalog() {
        return new PromptToolCatalog();
    }

    @Bean
    PromptToolMethodProcessor promptKitToolMethods(ConfigurableListableBeanFactory beanFactory,
            PromptToolCatalog catalog, PromptPacks packs) {
        return new PromptToolMethodProcessor(beanFactory, catalog, packs);
    }
}
