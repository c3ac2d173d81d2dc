/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.autoconfigure.a2a;

import dev.promptkit.a2a.client.RemoteAgentCardException;
import dev.promptkit.a2a.client.RemoteAgentConfig;
import dev.promptkit.a2a.client.RemoteAgents;
import dev.promptkit.autoconfigure.tool.PromptKitToolsAutoConfiguration;
import dev.promptkit.autoconfigure.tool.PromptToolCatalog;
import dev.promptkit.secret.CredentialSource;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/**
 * The remote A2A agents of {@code promptkit.a2a.agents.*}, their cards read at start-up (a card that cannot be read
 * fails start-up, naming the agent and the card's URL), their skills answering the tools
 * {@code a2a__<agent>__<skill>} that prompts offer. With no agent configured the bean is empty.
 *
 * @since 0.1.0
 */
@AutoConfiguration(after = PromptKitToolsAutoConfiguration.class)
@ConditionalOnClass(RemoteAgents.class)
@EnableConfigurationProperties(PromptKitA2aProperties.class)
public final class PromptKitA2aClientAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    RemoteAgents promptKitA2aRemoteAgents(PromptKitA2aProperties properties, PromptToolCatalog catalog) {
        List<RemoteAgentConfig> configs = new ArrayList<>();
        properties.agents().forEach((name, agent) -> configs.add(config(name, agent)));
        RemoteAgents agents;
        try {
            agents = RemoteAgents.connect(configs);
        }
        catch (RemoteAgentCardException e) {
            throw new A2aConfigurationException(e.getMessage(), "Check that the agent runs and that "
                    + "promptkit.a2a.agents." + e.agentName() + ".url is its base URL (its card is read from "
                    + "<url>/.well-known/agent-card.json), and its credentials if it needs any.", e);
        }
        catalog.include(agents);
        return agents;
    }

    private static RemoteAgentConfig config(String name, PromptKitA2aProperties.Agent agent) {
        String prefix = "promptkit.a2a.agents." + name;
        if (agent.url() == null) {
            throw new A2aConfigurationException("A2A agent '" + name + "' has no URL (" + prefix + ".url)",
                    "Set " + prefix + ".url to the agent's base URL, or remove the agent.", null);
        }
        try {
            return new RemoteAgentConfig(name, agent.url(), agent.timeout(), credential(agent.bearerToken()),
                    credential(agent.apiKey()), agent.apiKeyHeader());
        }
        catch (IllegalArgumentException e) {
            throw new A2aConfigurationException(e.getMessage() + " (" + prefix + ")", "Fix " + prefix + ".*.", e);
        }
    }

    private static CredentialSource credential(String text) {
        return text == null || text.isBlank() ? null : CredentialSource.parse(text);
    }
}
