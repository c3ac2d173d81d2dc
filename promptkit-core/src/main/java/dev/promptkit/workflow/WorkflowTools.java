/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.workflow;

import dev.promptkit.types.ToolDescriptor;
import java.util.List;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The tools through which the model moves a workflow, as the Go original names them: {@value #TRANSITION} (its
 * {@code event} an enum of the current state's events, with the {@code context} to carry into the next state) and
 * {@value #SET_ARTIFACT} (its {@code name} an enum of the pack's artifacts).
 *
 * @since 0.2.0
 */
public final class WorkflowTools {

    public static final String TRANSITION = "workflow__transition";
    public static final String SET_ARTIFACT = "workflow__set_artifact";
    public static final String EVENT = "event";
    public static final String CONTEXT = "context";
    public static final String NAME = "name";
    public static final String VALUE = "value";

    private WorkflowTools() {
    }

    /** The transition tool of a state whose events are {@code events}. */
    public static ToolDescriptor transition(List<String> events) {
        ObjectNode schema = object();
        ObjectNode properties = schema.putObject("properties");
        ObjectNode event = properties.putObject(EVENT).put("type", "string")
                .put("description", "The workflow event to trigger.");
        events.forEach(event.putArray("enum")::add);
        properties.putObject(CONTEXT).put("type", "string")
                .put("description", "Summary of relevant context to carry forward.");
        schema.putArray("required").add(EVENT).add(CONTEXT);
        return new ToolDescriptor(TRANSITION, "Transition the workflow to a new state by triggering an event. Use this"
                + " when the conversation requires escalation, resolution, or any state change.", schema);
    }

    /** The artifact tool of a workflow whose artifacts are {@code names}. */
    public static ToolDescriptor setArtifact(List<String> names) {
        ObjectNode schema = object();
        ObjectNode properties = schema.putObject("properties");
        ObjectNode name = properties.putObject(NAME).put("type", "string")
                .put("description", "The artifact name to set.");
        names.forEach(name.putArray("enum")::add);
        properties.putObject(VALUE).put("type", "string").put("description", "The artifact value.");
        schema.putArray("required").add(NAME).add(VALUE);
        return new ToolDescriptor(SET_ARTIFACT, "Set a workflow artifact value. Artifacts persist across state"
                + " transitions.", schema);
    }

    private static ObjectNode object() {
        ObjectNode schema = JsonNodeFactory.instance.objectNode();
        schema.put("type", "object");
        return schema;
    }
}
