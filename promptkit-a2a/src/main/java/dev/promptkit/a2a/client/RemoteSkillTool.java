/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.a2a.client;

import dev.promptkit.tool.ToolContext;
import dev.promptkit.tool.ToolException;
import dev.promptkit.tool.ToolExecutor;
import dev.promptkit.types.ToolCall;
import dev.promptkit.types.ToolDescriptor;
import io.a2a.spec.AgentSkill;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * A remote agent's skill as a tool: the call's {@value #INPUT} is sent to the agent, the agent's text is the tool's
 * result. Every call starts a new A2A context.
 */
final class RemoteSkillTool implements ToolExecutor {

    /** The argument holding what the calling model asks the remote agent. */
    static final String INPUT = "input";

    private final RemoteAgent agent;
    private final AgentSkill skill;

    RemoteSkillTool(RemoteAgent agent, AgentSkill skill) {
        this.agent = agent;
        this.skill = skill;
    }

    @Override
    public Mono<String> execute(ToolCall call, ToolContext context) {
        return Mono.defer(() -> agent.ask(skill.id(), input(call), null))
                .onErrorMap(e -> !(e instanceof ToolException), e -> new ToolException(call.name(), e.getMessage(), e));
    }

    private static String input(ToolCall call) {
        JsonNode input = call.args() == null ? null : call.args().get(INPUT);
        if (input == null || !input.isString() || input.asString().isBlank()) {
            throw new ToolException(call.name(), "the call has no '" + INPUT + "': the text to send the agent");
        }
        return input.asString();
    }

    /** Where the agent takes calls. */
    String agentUrl() {
        return agent.card().url();
    }

    /** How the model sees the skill as the tool {@code toolName}. */
    ToolDescriptor descriptor(String toolName) {
        StringBuilder description = new StringBuilder();
        description.append(skill.description() != null && !skill.description().isBlank() ? skill.description()
                : skill.name());
        description.append(" (skill '").append(skill.id()).append("' of the remote agent '")
                .append(agent.card().name()).append("')");
        if (skill.examples() != null && !skill.examples().isEmpty()) {
            description.append(". Examples: ").append(String.join("; ", skill.examples()));
        }
        ObjectNode schema = JsonNodeFactory.instance.objectNode();
        schema.put("type", "object");
        schema.putObject("properties").putObject(INPUT).put("type", "string")
                .put("description", "What to ask the agent");
        schema.putArray("required").add(INPUT);
        schema.put("additionalProperties", false);
        return new ToolDescriptor(toolName, description.toString(), schema);
    }
}
