/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.tool;

import dev.promptkit.pack.AgentDef;
import dev.promptkit.pack.Pack;
import dev.promptkit.pack.Prompt;
import dev.promptkit.pack.VariableDef;
import dev.promptkit.types.ToolDescriptor;
import java.util.Set;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * How the model sees the tools a pack's prompts name without the pack defining them. An agent tool (another prompt of
 * the pack) is described by the pack's {@code agents.members} entry for it (description, tags as skills, input and
 * output modes), else by the prompt's own description or name; it takes the request as {@value #INPUT} and one
 * argument per variable of the prompt, required when the variable is required and has no default. An undefined tool
 * has no description and takes any object: its handler, registered at run time, knows its arguments.
 *
 * @since 0.1.0
 */
public final class AgentToolDescriptors {

    /** The argument holding what the calling model asks the agent: the sub-conversation's user message. */
    public static final String INPUT = "input";

    private static final Set<String> JSON_TYPES = Set.of("string", "number", "integer", "boolean", "object", "array");

    private AgentToolDescriptors() {
    }

    /** The descriptor of the agent tool that runs the pack's prompt {@code promptName}. */
    public static ToolDescriptor agent(Pack pack, String promptName) {
        Prompt prompt = pack.prompts().get(promptName);
        AgentDef agent = pack.agents() == null ? null : pack.agents().members().get(promptName);
        AgentDef card = agent != null ? agent : new AgentDef(null, null, null, null);
        StringBuilder description = new StringBuilder(first(card.description(), prompt.description(), prompt.name(),
                promptName));
        if (!card.tags().isEmpty()) {
            description.append(" Skills: ").append(String.join(", ", card.tags())).append('.');
        }
        description.append(" Accepts ").append(String.join(", ", card.inputModes())).append("; answers in ")
                .append(String.join(", ", card.outputModes())).append('.');
        return new ToolDescriptor(promptName, description.toString(), parameters(prompt, card));
    }

    /** The descriptor of a tool the pack names but does not define: any arguments, no description. */
    public static ToolDescriptor undefined(String toolName) {
        ObjectNode schema = JsonNodeFactory.instance.objectNode();
        schema.put("type", "object");
        return new ToolDescriptor(toolName, null, schema);
    }

    private static ObjectNode parameters(Prompt prompt, AgentDef card) {
        ObjectNode schema = JsonNodeFactory.instance.objectNode();
        schema.put("type", "object");
        ObjectNode properties = schema.putObject("properties");
        properties.putObject(INPUT).put("type", "string").put("description", "What to ask the agent ("
                + String.join(" or ", card.inputModes()) + ")");
        ArrayNode required = schema.putArray("required").add(INPUT);
        for (VariableDef variable : prompt.variables()) {
            ObjectNode property = properties.putObject(variable.name());
            if (variable.type() != null && JSON_TYPES.contains(variable.type())) {
                property.put("type", variable.type());
            }
            if (variable.description() != null) {
                property.put("description", variable.description());
            }
            if (variable.required() && variable.defaultValue() == null) {
                required.add(variable.name());
            }
        }
        schema.put("additionalProperties", false);
        return schema;
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
