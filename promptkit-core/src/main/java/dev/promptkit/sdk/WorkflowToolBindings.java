/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.sdk;

import dev.promptkit.tool.ToolBinding;
import dev.promptkit.tool.ToolException;
import dev.promptkit.tool.ToolRegistry;
import dev.promptkit.types.ToolCall;
import dev.promptkit.workflow.WorkflowDefinition;
import dev.promptkit.workflow.WorkflowTools;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * Offers a workflow state's tools to the model: {@value WorkflowTools#TRANSITION} when the model moves the workflow
 * in that state, and {@value WorkflowTools#SET_ARTIFACT} when the pack declares artifacts. Their calls are recorded
 * in the turn's {@link WorkflowStep}; an event or artifact the workflow does not know goes back to the model as the
 * tool's error.
 */
final class WorkflowToolBindings {

    private static final JsonMapper JSON = JsonMapper.shared();

    private final WorkflowDefinition definition;
    private final Supplier<WorkflowStep> step;

    WorkflowToolBindings(WorkflowDefinition definition, Supplier<WorkflowStep> step) {
        this.definition = definition;
        this.step = step;
    }

    void offer(ToolRegistry tools, String state) {
        if (definition.modelMoves(state)) {
            tools.offer(WorkflowTools.transition(definition.events(state)), ToolBinding.of(
                    (call, context) -> Mono.fromCallable(() -> transition(call, state)), "workflow"));
        }
        List<String> artifacts = definition.artifactNames();
        if (!artifacts.isEmpty()) {
            tools.offer(WorkflowTools.setArtifact(artifacts), ToolBinding.of(
                    (call, context) -> Mono.fromCallable(() -> artifact(call, state, artifacts)), "workflow"));
        }
    }

    private String transition(ToolCall call, String state) {
        String event = text(call, WorkflowTools.EVENT);
        String target = definition.state(state).onEvent().get(event);
        if (target == null) {
            throw new ToolException(WorkflowTools.TRANSITION, "state '" + state + "' has no event '" + event
                    + "'; its events: " + String.join(", ", definition.events(state)));
        }
        Object context = call.arguments().get(WorkflowTools.CONTEXT);
        step.get().transition(event, context == null ? "" : context.toString());
        Map<String, String> answer = new LinkedHashMap<>();
        answer.put("status", "transition_scheduled");
        answer.put("event", event);
        answer.put("target_state", target);
        return JSON.writeValueAsString(answer);
    }

    private String artifact(ToolCall call, String state, List<String> artifacts) {
        String name = text(call, WorkflowTools.NAME);
        if (!artifacts.contains(name)) {
            throw new ToolException(WorkflowTools.SET_ARTIFACT, "no artifact '" + name + "'; artifacts: "
                    + String.join(", ", artifacts));
        }
        Object value = call.arguments().get(WorkflowTools.VALUE);
        step.get().artifact(name, value == null ? "" : value.toString(), definition.appends(state, name));
        return JSON.writeValueAsString(Map.of("status", "artifact_set", "artifact", name));
    }

    private static String text(ToolCall call, String argument) {
        Object value = call.arguments().get(argument);
        if (value == null) {
            throw new ToolException(call.name(), "argument '" + argument + "' is missing");
        }
        return value.toString();
    }
}
