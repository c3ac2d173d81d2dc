/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.autoconfigure.tool;

import static org.assertj.core.api.Assertions.assertThat;

import dev.promptkit.autoconfigure.PromptKitContextRunners;
import dev.promptkit.autoconfigure.pack.PromptPacks;
import dev.promptkit.spring.PromptTool;
import dev.promptkit.spring.ToolParam;
import dev.promptkit.tool.BlockingToolThreads;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.context.annotation.Configuration;

class PromptKitToolsAutoConfigurationTests {

    private final ApplicationContextRunner contextRunner = PromptKitContextRunners.withMockProvider();

    @Test
    void theStarterDefinesTheCatalogTheMethodProcessorAndTheCoverageCheck() {
        contextRunner.withBean("orders", OrderLookup.class).run(context -> {
            assertThat(context).hasSingleBean(PromptToolCatalog.class).hasSingleBean(PromptToolMethodProcessor.class)
                    .hasSingleBean(ToolHandlerCoverage.class).hasSingleBean(BlockingToolThreads.class);
            assertThat(context.getBean(PromptToolCatalog.class).origins()).containsKey("lookup_order");
        });
    }

    @Test
    void eachBeanBacksOffWhenTheApplicationDefinesItsOwn() {
        contextRunner.withBean("orders", OrderLookup.class).withUserConfiguration(OwnToolBeans.class).run(context -> {
            assertThat(context.getBeanNamesForType(PromptToolCatalog.class)).containsExactly("myCatalog");
            assertThat(context.getBeanNamesForType(PromptToolMethodProcessor.class)).containsExactly("myProcessor");
            assertThat(context.getBeanNamesForType(ToolHandlerCoverage.class)).containsExactly("myCoverage");
            assertThat(context.getBean(OwnToolBeans.class).catalog.origins())
                    .as("the application's processor filled its catalog").containsKey("lookup_order");
        });
    }

    static class OrderLookup {

        @PromptTool("lookup_order")
        String lookup(@ToolParam("order_id") String orderId) {
            return "shipped";
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class OwnToolBeans {

        final PromptToolCatalog catalog = new PromptToolCatalog();

        @Bean
        PromptToolCatalog myCatalog() {
            return catalog;
        }

        @Bean
        PromptToolMethodProcessor myProcessor(ConfigurableListableBeanFactory beanFactory, PromptPacks packs,
                BlockingToolThreads threads, PromptKitToolsProperties properties, Environment environment) {
            return new PromptToolMethodProcessor(beanFactory, catalog, packs, threads, properties, environment);
        }

        @Bean
        ToolHandlerCoverage myCoverage(PromptPacks packs) {
            return new ToolHandlerCoverage(packs, catalog, () -> null, false);
        }
    }
}
