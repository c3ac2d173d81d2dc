/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.a2a.client;

import dev.promptkit.pack.ToolReferences;
import dev.promptkit.tool.ToolBinding;
import dev.promptkit.tool.ToolBindingLookup;
import dev.promptkit.types.ToolDescriptor;
import io.a2a.client.http.A2AHttpClient;
import io.a2a.client.http.JdkA2AHttpClient;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The remote A2A agents an application calls, their cards read at {@link #connect}: answers and describes the tools
 * named {@code a2a__<agent>__<skill>} that a pack's prompts offer, one per skill of each agent's card.
 *
 * @since 0.1.0
 */
public final class RemoteAgents implements ToolBindingLookup {

    /** The prefix of remote agents' skills as tools: {@code a2a__<agent>__<skill>}. */
    public static final String TOOL_PREFIX = ToolReferences.A2A_PREFIX;

    private final Map<String, RemoteAgent> agents;

    private RemoteAgents(Map<String, RemoteAgent> agents) {
        this.agents = agents;
    }

    /**
     * Reads every agent's card (blocking), in order.
     *
     * @throws RemoteAgentCardException for the first agent whose card cannot be read
     */
    public static RemoteAgents connect(Collection<RemoteAgentConfig> configs) {
        return connect(configs, new JdkA2AHttpClient());
    }

    /** Reads every agent's card through {@code http}. */
    public static RemoteAgents connect(Collection<RemoteAgentConfig> configs, A2AHttpClient http) {
        Map<String, RemoteAgent> agents = new LinkedHashMap<>();
        for (RemoteAgentConfig config : configs) {
            agents.put(config.name(), RemoteAgent.connect(config, http));
        }
        return new RemoteAgents(agents);
    }

    /** The tool name of {@code skillId} of the agent {@code agentName}. */
    public static String toolName(String agentName, String skillId) {
        return TOOL_PREFIX + agentName + "__" + skillId;
    }

    public Optional<RemoteAgent> agent(String name) {
        return Optional.ofNullable(agents.get(name));
    }

    /** The tool names of every skill of every agent, in card order. */
    public List<String> toolNames() {
        return agents.values().stream().flatMap(agent -> agent.card().skills() == null ? Stream.empty()
                : agent.card().skills().stream().map(skill -> toolName(agent.name(), skill.id()))).toList();
    }

    @Override
    public Optional<ToolBinding> find(String toolName) {
        return tool(toolName).map(tool -> ToolBinding.of(tool, "a2a " + tool.agentUrl()));
    }

    @Override
    public Optional<ToolDescriptor> describe(String toolName) {
        return tool(toolName).map(tool -> tool.descriptor(toolName));
    }

    private Optional<RemoteSkillTool> tool(String toolName) {
        if (!toolName.startsWith(TOOL_PREFIX)) {
            return Optional.empty();
        }
        String rest = toolName.substring(TOOL_PREFIX.length());
        int separator = rest.indexOf("__");
        if (separator <= 0) {
            return Optional.empty();
        }
        RemoteAgent agent = agents.get(rest.substring(0, separator));
        return agent == null ? Optional.empty()
                : agent.skill(rest.substring(separator + 2)).map(skill -> new RemoteSkillTool(agent, skill));
    }
}
