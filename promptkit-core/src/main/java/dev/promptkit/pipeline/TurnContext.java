/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.pipeline;

import dev.promptkit.context.ContextDecision;
import dev.promptkit.event.Event;
import dev.promptkit.event.EventBus;
import dev.promptkit.pack.Pack;
import dev.promptkit.pack.Prompt;
import dev.promptkit.tool.ToolRegistry;
import dev.promptkit.types.Message;
import dev.promptkit.types.ModelParameters;
import dev.promptkit.types.ResponseFormat;
import dev.promptkit.types.ToolChoice;
import dev.promptkit.types.ToolDescriptor;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * What one turn's stages know beside their stream of elements: the {@link PreparedTurn} (fixed before the pipeline
 * starts), the conversation's tools and where to publish events. Immutable, but for {@link #attributes()}, where
 * custom stages may share values within the turn.
 *
 * @since 0.1.0
 */
public final class TurnContext {

    private final PreparedTurn prepared;
    private final ToolRegistry toolRegistry;
    private final EventBus events;
    private final Instant startedAt = Instant.now();
    private final Map<String, Object> attributes = new ConcurrentHashMap<>();

    /**
     * @param toolRegistry the conversation's tools and their handlers
     * @param events where the turn's stages publish what happens
     */
    public TurnContext(PreparedTurn prepared, ToolRegistry toolRegistry, EventBus events) {
        this.prepared = prepared;
        this.toolRegistry = toolRegistry;
        this.events = events;
    }

    /** The turn as it was prepared. */
    public PreparedTurn prepared() {
        return prepared;
    }

    public String conversationId() {
        return prepared.request().conversationId();
    }

    public Pack pack() {
        return prepared.pack();
    }

    /** The prompt's key in the pack ({@code prompts.<name>}). */
    public String promptName() {
        return prepared.promptName();
    }

    public Prompt prompt() {
        return prepared.prompt();
    }

    public Instant startedAt() {
        return startedAt;
    }

    /** The variables set on the conversation for this turn, before defaults and variable providers. */
    public Map<String, String> requestedVariables() {
        return prepared.request().variables();
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
    public void publish(Supplier<? extends Event> event) {
        if (events.hasListeners()) {
            events.publish(event.get());
        }
    }

    /** The model the provider is asked for. */
    public String model() {
        return prepared.model();
    }

    /** The final variable values (defaults, options, {@code setVar}, variable providers). */
    public Map<String, String> variables() {
        return prepared.variables();
    }

    /** The rendered system prompt. */
    public String systemPrompt() {
        return prepared.systemPrompt();
    }

    /** The tools offered to the model. */
    public List<ToolDescriptor> tools() {
        return prepared.tools().tools();
    }

    public ToolChoice toolChoice() {
        return prepared.tools().choice();
    }

    public ModelParameters parameters() {
        return prepared.parameters();
    }

    public ResponseFormat responseFormat() {
        return prepared.responseFormat();
    }

    /** The stored messages sent before the turn's own, fitted to the token budget. */
    public List<Message> history() {
        return prepared.history();
    }

    /** What the token budget decided for this turn, or {@code null} without a budget. */
    public ContextDecision contextDecision() {
        return prepared.contextDecision();
    }

    /** The version of the stored history this turn is answered on; the turn is stored only if it is still at it. */
    public long historyVersion() {
        return prepared.historyVersion();
    }

    /** The held tool calls whose results this turn sends; once the turn is stored, the pending store forgets them. */
    public List<String> settledToolCalls() {
        return prepared.heldCalls().settledCalls();
    }

    /** Free-form values custom stages share within one turn. */
    public Map<String, Object> attributes() {
        return attributes;
    }
}
