/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.autoconfigure.pack;

import dev.promptkit.autoconfigure.PromptKitProperties;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.core.io.ResourceLoader;
import org.springframework.core.io.support.ResourcePatternUtils;

/**
 * Loads the packs: {@code promptkit.pack} and {@code promptkit.packs.<name>}, or every {@code *.pack.json}
 * found at the root of the class path or in its {@code packs/} folder. A bad pack fails start-up with
 * its location and the JSON pointer of every problem.
 *
 * @since 0.1.0
 */
@AutoConfiguration
@EnableConfigurationProperties(PromptKitProperties.class)
public final class PromptKitPackAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    PromptPacks promptKitPacks(PromptKitProperties properties, ResourceLoader resourceLoader) {
        return new PackResources(ResourcePatternUtils.getResourcePatternResolver(resourceLoader),
                properties.skipSchemaValidation()).load(properties);
    }
}
