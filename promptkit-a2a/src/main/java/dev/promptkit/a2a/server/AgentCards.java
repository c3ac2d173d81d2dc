/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.a2a.server;

import dev.promptkit.pack.AgentDef;
import dev.promptkit.pack.Pack;
import dev.promptkit.pack.Prompt;
import io.a2a.spec.AgentCapabilities;
import io.a2a.spec.AgentCard;
import io.a2a.spec.AgentSkill;
import io.a2a.spec.TransportProtocol;
import java.util.List;

/**
 * The A2A agent card of a pack's agent (a prompt listed in the pack's {@code agents.members}): its name, the
 * description of its {@code agents} entry (else the prompt's), one skill (the prompt, tagged with the entry's tags),
 * its input and output modes, whether it streams, JSON-RPC at the given URL.
 *
 * @since 0.1.0
 */
public final class AgentCards {

    /** The A2A protocol version the cards declare. */
    public static final String PROTOCOL_VERSION = "0.3.0";

    private AgentCards() {
    }

    /**
     * The card of {@code agentName}, a member of the pack's {@code agents} section, taking JSON-RPC calls at
     * {@code url}; {@code streaming} when it answers {@code message/stream}.
     */
    public static AgentCard of(Pack pack, String agentName, String url, boolean streaming) {
        AgentDef agent = pack.agents() == null ? null : pack.agents().members().get(agentName);
        Prompt prompt = pack.prompts().get(agentName);
        if (agent == null || prompt == null) {
            throw new IllegalArgumentException("pack '" + pack.id() + "' has no agent '" + agentName + "' (agents: "
                    + (pack.agents() == null ? "none" : String.join(", ", pack.agents().members().keySet())) + ")");
        }
        String description = first(agent.description(), prompt.description(), prompt.name(), agentName);
        AgentSkill skill = new AgentSkill.Builder().id(agentName).name(first(prompt.name(), agentName))
                .description(description).tags(agent.tags().isEmpty() ? List.of(agentName) : agent.tags())
                .inputModes(agent.inputModes()).outputModes(agent.outputModes()).build();
        return new AgentCard.Builder().name(agentName).description(description).url(url)
                .version(pack.version() == null ? "0.0.0" : pack.version())
                .capabilities(new AgentCapabilities.Builder().streaming(streaming).pushNotifications(false)
                        .stateTransitionHistory(false).build())
                .defaultInputModes(agent.inputModes()).defaultOutputModes(agent.outputModes()).skills(List.of(skill))
                .preferredTransport(TransportProtocol.JSONRPC.asString()).protocolVersion(PROTOCOL_VERSION).build();
    }

    private static String first(String... candidates) {
        for (String candidate : candidates) {
            if (candidate != null && !candidate.isBlank()) {
                return candidate;
            }
        }
        return "";
    }
}
