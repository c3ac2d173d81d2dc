/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.autoconfigure.tool;

import dev.promptkit.autoconfigure.pack.PromptKitPackAutoConfiguration;
import dev.promptkit.autoconfigure.pack.PromptPacks;
import dev.promptkit.tool.BlockingToolThreads;
import dev.promptkit.tool.mcp.McpServers;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

/**
 * {@code @PromptTool} methods on any bean become the handlers of the packs' tools; the ones that may block run on
 * {@link BlockingToolThreads} sized by {@code promptkit.tools.blocking.*} (virtual threads as
 * {@code spring.threads.virtual.enabled} says, or by default from Java 24), and so do {@code onTool} handlers. At
 * start-up, the tools the prompts offer that nothing answers are reported (WARN), or fail start-up with
 * {@code promptkit.tools.require-handlers=true}. The HTTP tools of {@code promptkit.tools.http.*} answer their pack
 * tools too, each with the hooks of the {@code HttpToolHooks} bean named after it.
 *
 * @since 0.1.0
 */
@AutoConfiguration(after = PromptKitPackAutoConfiguration.class)
@EnableConfigurationProperties(PromptKitToolsProperties.class)
public final class PromptKitToolsAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    PromptToolCatalog promptKitToolCatalog() {
        return new PromptToolCatalog();
    }

    @Bean(destroyMethod = "close")
    @ConditionalOnMissingBean
    BlockingToolThreads promptKitBlockingToolThreads(PromptKitToolsProperties properties, Environment environment) {
        return properties.blocking().toThreads(environment.getProperty("spring.threads.virtual.enabled", Boolean.class));
    }

    @Bean
    @ConditionalOnMissingBean
    PromptToolMethodProcessor promptKitToolMethods(ConfigurableListableBeanFactory beanFactory,
            PromptToolCatalog catalog, PromptPacks packs, BlockingToolThreads blockingThreads,
            PromptKitToolsProperties properties, Environment environment) {
        return new PromptToolMethodProcessor(beanFactory, catalog, packs, blockingThreads, properties, environment);
    }

    /** Defined after {@link #promptKitToolMethods}, so that it checks the catalog once the processor has filled it. */
    @Bean
    @ConditionalOnMissingBean
    ToolHandlerCoverage promptKitToolHandlerCoverage(PromptPacks packs, PromptToolCatalog catalog,
            ObjectProvider<McpServers> mcpServers, Environment environment) {
        return new ToolHandlerCoverage(packs, catalog, mcpServers::getIfAvailable,
                environment.getProperty("promptkit.tools.require-handlers", Boolean.class, false));
    }
}
