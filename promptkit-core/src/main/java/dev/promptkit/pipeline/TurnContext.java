/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.pipeline;

import dev.promptkit.event.Event;
import dev.promptkit.event.EventBus;
import dev.promptkit.pack.Pack;
import dev.promptkit.pack.Prompt;
import dev.promptkit.state.StateStore;
import dev.promptkit.tool.ToolRegistry;
import dev.promptkit.types.ModelParameters;
import dev.promptkit.types.ResponseFormat;
import dev.promptkit.types.ToolChoice;
import dev.promptkit.types.ToolDescriptor;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What one turn knows beside its stream of elements: the conversation, the pack and prompt, and the
 * values the early stages work out (variables, the rendered system prompt, the tools on offer, the
 * model and its parameters) for the later ones to read. One instance per turn; the built-in stages
 * fill it in order, so a stage may read what an earlier stage set.
 *
 * @since 0.1.0
 */
public final class TurnContext {

    private final String conversationId;
    private final Pack pack;
    private final String promptName;
    private final Prompt prompt;
    private final Map<String, String> requestedVariables;
    private final ToolRegistry toolRegistry;
    private final EventBus events;
    private final Instant startedAt = Instant.now();
    private final Map<String, Object> attributes = new ConcurrentHashMap<>();

    private volatile String model;
    private volatile Map<String, String> variables = Map.of();
    private volatile String systemPrompt;
    private volatile List<ToolDescriptor> tools = List.of();
    private volatile ToolChoice toolChoice = ToolChoice.AUTO;
    private volatile ModelParameters parameters = ModelParameters.DEFAULTS;
    private volatile ResponseFormat responseFormat = ResponseFormat.TEXT;
    private volatile long historyVersion = StateStore.ANY_VERSION;
    private volatile List<String> settledToolCalls = List.of();

    /**
     * @param requestedVariables the variables set on the conversation for this turn (options and
     *     {@code setVar}), before defaults and variable providers are applied
     * @param toolRegistry the conversation's tools and their handlers
     * @param events where the turn's stages publish what happens
     */
    public TurnContext(String conversationId, Pack pack, String promptName, Prompt prompt, String model,
            Map<String, String> requestedVariables, ToolRegistry toolRegistry, EventBus events) {
        this.conversationId = conversationId;
        this.pack = pack;
        this.promptName = promptName;
        this.prompt = prompt;
        this.model = model;
        this.requestedVariables = Map.copyOf(requestedVariables);
        this.toolRegistry = toolRegistry;
        this.events = events;
    }

    public String conversationId() {
        return conversationId;
    }

    public Pack pack() {
        return pack;
    }

    /** The prompt's key in the pack ({@code prompts.<name>}). */
    public String promptName() {
        return promptName;
    }

    public Prompt prompt() {
        return prompt;
    }

    public Instant startedAt() {
        return startedAt;
    }

    public Map<String, String> requestedVariables() {
        return requestedVariables;
    }

    /** The conversation's tools and their handlers. */
    public ToolRegistry toolRegistry() {
        return toolRegistry;
    }

    /** Where the turn's stages publish events. */
    public EventBus events() {
        return events;
    }

    /** Publishes an event built only when someone listens. */
    public void publish(java.util.function.Supplier<? extends Event> event) {
        if (events.hasListeners()) {
            events.publish(event.get());
        }
    }

    /** The model the provider is asked for. */
    public String model() {
        return model;
    }

    public void model(String newModel) {
        this.model = newModel;
    }

    /** The final variable values (defaults, options, {@code setVar}, variable providers), set by the variables stage. */
    public Map<String, String> variables() {
        return variables;
    }

    public void variables(Map<String, String> resolved) {
        this.variables = Map.copyOf(resolved);
    }

    /** The rendered system prompt, set by the template stage. */
    public String systemPrompt() {
        return systemPrompt;
    }

    public void systemPrompt(String rendered) {
        this.systemPrompt = rendered;
    }

    /** The tools offered to the model, set by the prompt-assembly stage. */
    public List<ToolDescriptor> tools() {
        return tools;
    }

    public void tools(List<ToolDescriptor> offered) {
        this.tools = List.copyOf(offered);
    }

    public ToolChoice toolChoice() {
        return toolChoice;
    }

    public void toolChoice(ToolChoice choice) {
        this.toolChoice = choice;
    }

    public ModelParameters parameters() {
        return parameters;
    }

    public void parameters(ModelParameters modelParameters) {
        this.parameters = modelParameters;
    }

    public ResponseFormat responseFormat() {
        return responseFormat;
    }

    public void responseFormat(ResponseFormat format) {
        this.responseFormat = format;
    }

    /**
     * The version of the stored history this turn is answered on, set by the state-load stage; the turn is stored
     * only if the history is still at it. {@link StateStore#ANY_VERSION} when nothing was loaded.
     */
    public long historyVersion() {
        return historyVersion;
    }

    public void historyVersion(long loaded) {
        this.historyVersion = loaded;
    }

    /**
     * The held tool calls whose results this turn sends to the model (set by the state-load stage): once the turn is
     * stored, the pending store forgets them.
     */
    public List<String> settledToolCalls() {
        return settledToolCalls;
    }

    public void settledToolCalls(List<String> callIds) {
        this.settledToolCalls = List.copyOf(callIds);
    }

    /** Free-form values custom stages share within one turn. */
    public Map<String, Object> attributes() {
        return attributes;
    }
}
