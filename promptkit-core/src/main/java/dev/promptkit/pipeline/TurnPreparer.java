/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.pipeline;

import dev.promptkit.context.ContextBudget;
import dev.promptkit.context.ContextDecision;
import dev.promptkit.event.ContextTruncatedEvent;
import dev.promptkit.event.Event;
import dev.promptkit.event.EventBus;
import dev.promptkit.event.StateEvent;
import dev.promptkit.pack.Pack;
import dev.promptkit.pack.Prompt;
import dev.promptkit.pack.TemplateRenderer;
import dev.promptkit.state.ConversationState;
import dev.promptkit.state.StateStore;
import dev.promptkit.tool.PendingStore;
import dev.promptkit.tool.ToolRegistry;
import dev.promptkit.tool.mcp.McpServers;
import dev.promptkit.types.Message;
import dev.promptkit.types.ModelParameters;
import dev.promptkit.types.ResponseFormat;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Prepares a turn before its pipeline runs, in one step that returns a {@link PreparedTurn}: loads the stored
 * history and its version, answers the calls it left open ({@link HeldCallAnswers}), resolves the variables
 * ({@link TurnVariables}), finds the offered tools ({@link OfferedTools}) and the model parameters (the pack's, with
 * the conversation's overrides on top), renders the system template (user text is never rendered), and fits the
 * history to the token budget, if there is one. Text turns and live sessions are prepared alike.
 *
 * @since 0.1.0
 */
public final class TurnPreparer {

    private static final Logger log = LoggerFactory.getLogger(TurnPreparer.class);

    private final Pack pack;
    private final String promptName;
    private final Prompt prompt;
    private final String model;
    private final String systemTemplate;
    private final ModelParameters parameters;
    private final Settings settings;
    private final TurnVariables variables;
    private final HeldCallAnswers heldCalls;

    public TurnPreparer(Pack pack, String promptName, Prompt prompt, String model, Settings settings) {
        this.pack = pack;
        this.promptName = promptName;
        this.prompt = prompt;
        this.model = model;
        this.systemTemplate = prompt.systemTemplateFor(model);
        ModelParameters packs = prompt.parametersFor(model);
        // the conversation's parameters win over the pack's, but the pack's reasoning over the conversation's
        this.parameters = packs.overriddenBy(settings.parameterOverrides()).withReasoning(packs.reasoning());
        this.settings = settings;
        this.variables = new TurnVariables(settings.variableProviders());
        this.heldCalls = new HeldCallAnswers(settings.pendingStore());
    }

    /**
     * A text turn: with the stored history, the answers to its open calls (a {@code PendingToolCallsException} when
     * some still wait) and the budget applied. Publishes a {@link StateEvent.Kind#LOADED} event when there was a
     * stored history, and a {@link ContextTruncatedEvent} when the budget cut it.
     *
     * @param tools the conversation's tools, where the MCP tools the prompt offers are bound
     */
    public Mono<PreparedTurn> prepare(TurnRequest request, ToolRegistry tools, EventBus events) {
        String conversationId = request.conversationId();
        return settings.stateStore().load(conversationId)
                .doOnNext(state -> publish(events, () -> new StateEvent(Instant.now(), conversationId,
                        StateEvent.Kind.LOADED, state.messages().size())))
                .defaultIfEmpty(ConversationState.empty(conversationId))
                .flatMap(state -> heldCalls.answer(conversationId, state.messages())
                        .flatMap(answers -> offer(request, tools, state.messages(), state.version(), answers)))
                .flatMap(prepared -> fit(prepared, events));
    }

    /** A live session's start: no stored history, nothing to answer and no budget. */
    public Mono<PreparedTurn> prepareSession(TurnRequest request, ToolRegistry tools) {
        return offer(request, tools, List.of(), StateStore.ANY_VERSION, HeldCallAnswers.Answers.NONE);
    }

    private Mono<PreparedTurn> offer(TurnRequest request, ToolRegistry tools, List<Message> history, long version,
            HeldCallAnswers.Answers answers) {
        return variables.resolve(request, prompt).zipWith(OfferedTools.of(pack, prompt, settings.mcpServers(), tools),
                (resolved, offered) -> new PreparedTurn(request, pack, promptName, prompt, model, resolved,
                        TemplateRenderer.render(systemTemplate, resolved, pack.fragments()), offered,
                        parameters.withReasoning(request.reasoning()),
                        settings.responseFormat() != null ? settings.responseFormat() : ResponseFormat.TEXT, history,
                        version, answers, null));
    }

    /**
     * The turn with its history fitted to the budget. Only history is ever dropped (the turn's own messages are
     * always sent); counting runs on the bounded elastic scheduler, as the first count for an OpenAI model loads
     * its encoding from the class path. The budget applies to the request that opens the turn.
     */
    private Mono<PreparedTurn> fit(PreparedTurn turn, EventBus events) {
        ContextBudget budget = settings.contextBudget();
        if (budget == null) {
            return Mono.just(turn);
        }
        List<Message> own = new ArrayList<>(turn.heldCalls().messages());
        if (turn.request().userMessage() != null) {
            own.add(turn.request().userMessage());
        }
        List<Message> conversation = new ArrayList<>(turn.history());
        conversation.addAll(own);
        return budget.fit(conversation, turn.systemPrompt(), turn.model(), turn.parameters().maxTokens())
                .subscribeOn(Schedulers.boundedElastic())
                .map(fitted -> {
                    ContextDecision decision = fitted.decision();
                    if (decision.truncated()) {
                        publish(events, () -> new ContextTruncatedEvent(Instant.now(), turn.request().conversationId(),
                                decision.truncation().name().toLowerCase(Locale.ROOT),
                                decision.messagesDropped() + decision.messagesSummarized(), decision.tokensBefore(),
                                decision.tokensSent()));
                        log.debug("Conversation {}: request cut to fit the token budget: {}",
                                turn.request().conversationId(), decision);
                    }
                    Set<Message> ownMessages = Collections.newSetFromMap(new IdentityHashMap<>());
                    ownMessages.addAll(own);
                    return turn.withHistory(fitted.messages().stream().filter(message -> !ownMessages.contains(message))
                            .toList(), decision);
                });
    }

    private static void publish(EventBus events, Supplier<? extends Event> event) {
        if (events.hasListeners()) {
            events.publish(event.get());
        }
    }

    /**
     * Where a turn's inputs come from.
     *
     * @param variableProviders asked for variables at each turn
     * @param parameterOverrides laid over the prompt's model parameters; {@code null} for none
     * @param responseFormat what the answer must be; {@code null} for text
     * @param mcpServers the MCP servers whose tools a prompt may offer; {@code null} for none
     * @param contextBudget what the history is fitted to; {@code null} to send it whole
     */
    public record Settings(StateStore stateStore, PendingStore pendingStore, List<VariableProvider> variableProviders,
            ModelParameters parameterOverrides, ResponseFormat responseFormat, McpServers mcpServers,
            ContextBudget contextBudget) {

        public Settings {
            variableProviders = List.copyOf(variableProviders);
        }
    }
}
