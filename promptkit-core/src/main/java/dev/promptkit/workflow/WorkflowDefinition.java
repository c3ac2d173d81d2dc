/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.workflow;

import dev.promptkit.pack.ArtifactDef;
import dev.promptkit.pack.Pack;
import dev.promptkit.pack.WorkflowConfig;
import dev.promptkit.pack.WorkflowState;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * A pack's {@code workflow} section, checked to be runnable: the entry state exists, every state's prompt is a prompt
 * of the pack, and every {@code on_event} and {@code on_max_visits} target is a state.
 *
 * @since 0.2.0
 */
public final class WorkflowDefinition {

    /** The orchestration of a state the caller moves, not the model: no transition tool is offered there. */
    public static final String EXTERNAL = "external";

    private final Pack pack;
    private final WorkflowConfig config;

    private WorkflowDefinition(Pack pack, WorkflowConfig config) {
        this.pack = pack;
        this.config = config;
    }

    /**
     * The workflow of {@code pack}.
     *
     * @throws WorkflowDefinitionException when the pack has none, or it names states or prompts that do not exist
     */
    public static WorkflowDefinition of(Pack pack) {
        WorkflowConfig config = pack.workflow();
        if (config == null) {
            throw new WorkflowDefinitionException(pack.id(), List.of("/workflow: missing (the pack defines no workflow;"
                    + " open one of its prompts as a conversation instead)"));
        }
        List<String> violations = new ArrayList<>();
        if (!config.states().containsKey(config.entry())) {
            violations.add("/workflow/entry: '" + config.entry() + "' is not a state; states: "
                    + String.join(", ", config.states().keySet()));
        }
        config.states().forEach((name, state) -> check(pack, config, name, state, violations));
        if (!violations.isEmpty()) {
            throw new WorkflowDefinitionException(pack.id(), violations);
        }
        return new WorkflowDefinition(pack, config);
    }

    private static void check(Pack pack, WorkflowConfig config, String name, WorkflowState state,
            List<String> violations) {
        String at = "/workflow/states/" + name;
        if (!pack.prompts().containsKey(state.promptTask())) {
            violations.add(at + "/prompt_task: '" + state.promptTask() + "' is not a prompt of the pack; prompts: "
                    + String.join(", ", pack.prompts().keySet()));
        }
        state.onEvent().forEach((event, target) -> {
            if (!config.states().containsKey(target)) {
                violations.add(at + "/on_event/" + event + ": target '" + target + "' is not a state");
            }
        });
        if (state.onMaxVisits() != null && !config.states().containsKey(state.onMaxVisits())) {
            violations.add(at + "/on_max_visits: '" + state.onMaxVisits() + "' is not a state");
        }
    }

    public Pack pack() {
        return pack;
    }

    public WorkflowConfig config() {
        return config;
    }

    public String entry() {
        return config.entry();
    }

    public WorkflowState state(String name) {
        WorkflowState state = config.states().get(name);
        if (state == null) {
            throw new IllegalArgumentException("Workflow of pack '" + pack.id() + "' has no state '" + name + "'");
        }
        return state;
    }

    /** Whether the workflow completes in state {@code name}: it is marked terminal or has no events. */
    public boolean isTerminal(String name) {
        WorkflowState state = state(name);
        return Boolean.TRUE.equals(state.terminal()) || state.onEvent().isEmpty();
    }

    /** The events of state {@code name}, sorted. */
    public List<String> events(String name) {
        return isTerminal(name) ? List.of() : List.copyOf(new TreeSet<>(state(name).onEvent().keySet()));
    }

    /** Whether the model moves the workflow in state {@code name} (it has events, and is not orchestrated externally). */
    public boolean modelMoves(String name) {
        return !events(name).isEmpty() && !EXTERNAL.equals(state(name).orchestration());
    }

    /** The names of all artifacts any state declares, sorted. */
    public List<String> artifactNames() {
        TreeSet<String> names = new TreeSet<>();
        config.states().values().forEach(state -> names.addAll(state.artifacts().keySet()));
        return List.copyOf(names);
    }

    /** Whether artifact {@code name} accumulates: as the current state declares it, else as the first state that does. */
    public boolean appends(String current, String name) {
        ArtifactDef own = state(current).artifacts().get(name);
        ArtifactDef def = own != null ? own : config.states().values().stream().map(s -> s.artifacts().get(name))
                .filter(java.util.Objects::nonNull).findFirst().orElse(null);
        return def != null && "append".equals(def.mode());
    }

    /** The states by name, in the pack's order. */
    public Map<String, WorkflowState> states() {
        return config.states();
    }
}
