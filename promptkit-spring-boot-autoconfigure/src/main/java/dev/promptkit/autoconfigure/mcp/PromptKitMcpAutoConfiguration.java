/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.autoconfigure.mcp;

import dev.promptkit.tool.mcp.McpServers;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/**
 * The MCP servers of {@code promptkit.mcp.servers.*}, connected lazily (on a conversation's first use,
 * never at start-up) and stopped with the application. With none configured the bean is empty and
 * starts nothing.
 *
 * @since 0.1.0
 */
@AutoConfiguration
@EnableConfigurationProperties(PromptKitMcpProperties.class)
public final class PromptKitMcpAutoConfiguration {

    @Bean(destroyMethod = "close")
    @ConditionalOnMissingBean
    McpServers promptKitMcpServers(PromptKitMcpProperties properties) {
        return new McpServers(properties.servers().entrySet().stream()
                .map(server -> server.getValue().toConfig(server.getKey())).toList());
    }
}
