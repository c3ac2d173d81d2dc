/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.sdk;

import dev.promptkit.duplex.DuplexEvent;
import dev.promptkit.duplex.DuplexSession;
import dev.promptkit.duplex.DuplexSessionConfig;
import dev.promptkit.event.Phase;
import dev.promptkit.event.ProviderCallEvent;
import dev.promptkit.provider.CostCalculator;
import dev.promptkit.tool.ToolOutcome;
import dev.promptkit.tool.ToolRegistry;
import dev.promptkit.tool.ToolTurnBudget;
import dev.promptkit.types.CostInfo;
import dev.promptkit.types.Message;
import dev.promptkit.types.Role;
import dev.promptkit.types.TokenUsage;
import dev.promptkit.types.ToolCall;
import dev.promptkit.types.ToolDescriptor;
import dev.promptkit.types.ToolResult;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import reactor.core.Disposable;
import reactor.core.Disposables;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

/**
 * ASM mode's {@link TurnKeeper}, for a provider's realtime session:
 * <ul>
 * <li>writes down what the session said ({@link DuplexTranscript}): the user's text and transcripts, the model's
 * transcript or text, tool calls and results;</li>
 * <li>runs the tools the model calls through the conversation's {@link ToolRegistry} (arguments validated,
 * handlers bound with {@code onTool} and friends, tool events published) and sends the results back; a tool
 * that asks for human approval gets an error result instead, as duplex sessions cannot wait for approval. The
 * prompt's tool policy counts the calls between two inputs of the user (typed text, a finished utterance or
 * {@code triggerStart}), and a model that keeps repeating one call ends the session;</li>
 * <li>on each completed model response, stores the turn's messages in the conversation's state store and
 * publishes a {@link ProviderCallEvent} with the reported usage and its cost. A turn cut short by the end of the
 * session is not stored.</li>
 * </ul>
 */
final class AsmTurnKeeper implements TurnKeeper {

    private final String conversationId;
    private final ConversationSetup setup;
    private final ToolRegistry tools;
    private final DuplexSession session;
    private final String model;
    private final List<String> offeredTools;
    private final Map<String, String> storedMetadata;
    private final CostCalculator costs;
    private final DuplexTranscript transcript;
    private final Disposable.Composite toolRuns = Disposables.composite();
    private final Sinks.Empty<Void> failure = Sinks.empty();
    private volatile ToolTurnBudget budget;
    private long turnStartedNanos;

    /**
     * @param session where tool results go
     * @param config what the session was opened with: its model and the tools it offers
     * @param storedMetadata what is stored beside the conversation's messages
     */
    AsmTurnKeeper(String conversationId, ConversationSetup setup, ToolRegistry tools, DuplexSession session,
            DuplexSessionConfig config, Map<String, String> storedMetadata) {
        this.conversationId = conversationId;
        this.setup = setup;
        this.tools = tools;
        this.session = session;
        this.model = config.model();
        this.offeredTools = config.tools().stream().map(ToolDescriptor::name).toList();
        this.storedMetadata = Map.copyOf(storedMetadata);
        this.costs = CostCalculator.forProvider(setup.provider(), setup.options().provider().pricing());
        this.transcript = new DuplexTranscript(Map.of("model", model, "provider", setup.provider().name()));
        this.budget = newBudget();
    }

    @Override
    public void userText(String text) {
        transcript.userText(text);
        budget = newBudget();
    }

    @Override
    public void triggered() {
        budget = newBudget();
    }

    @Override
    public void observe(DuplexEvent event) {
        startTurn();
        if (event instanceof DuplexEvent.TextDelta text) {
            transcript.modelText(text.text());
        }
        else if (event instanceof DuplexEvent.InputTranscript input) {
            if (input.complete()) {
                budget = newBudget();
            }
            transcript.userSpeech(input.text(), input.complete());
        }
        else if (event instanceof DuplexEvent.OutputTranscript output) {
            transcript.modelSpeech(output.text());
        }
        else if (event instanceof DuplexEvent.ToolCallRequested requested) {
            transcript.toolCall(requested.call());
            runTool(requested.call());
        }
    }

    @Override
    public Mono<Response> completeTurn(TokenUsage usage) {
        startTurn();
        CostInfo cost = costs.cost(model, usage);
        long latencyMillis = Duration.ofNanos(System.nanoTime() - turnStartedNanos).toMillis();
        List<Message> turn = transcript.completeTurn(cost, latencyMillis);
        Mono<Void> stored = turn.isEmpty() ? Mono.empty()
                : setup.stateStore().append(conversationId, turn, storedMetadata);
        return stored.then(Mono.fromSupplier(() -> {
            publish(Phase.COMPLETED, cost, null);
            turnStartedNanos = 0;
            return response(turn, cost, latencyMillis);
        }));
    }

    @Override
    public Mono<Void> failure() {
        return failure.asMono();
    }

    @Override
    public void ended(Throwable cause) {
        toolRuns.dispose();
        if (turnStartedNanos != 0) {
            publish(Phase.FAILED, null, cause != null ? cause : new CancellationException("the session ended"));
        }
    }

    private void startTurn() {
        if (turnStartedNanos == 0) {
            turnStartedNanos = System.nanoTime();
            publish(Phase.STARTED, null, null);
        }
    }

    private void runTool(ToolCall call) {
        toolRuns.add(setup.toolRunner().run(List.of(call), offeredTools, tools, budget, conversationId, setup.events())
                .next()
                .map(outcome -> resultOf(call, outcome))
                .flatMap(result -> {
                    transcript.toolResult(result);
                    return session.sendToolResult(result);
                })
                .subscribe(null, failure::tryEmitError));
    }

    private static ToolResult resultOf(ToolCall call, ToolOutcome outcome) {
        return outcome.isPending() ? ToolResult.failure(call.id(), call.name(), "this tool needs a person's approval,"
                + " which a duplex session cannot wait for", 0) : outcome.result();
    }

    private void publish(Phase phase, CostInfo cost, Throwable cause) {
        if (!setup.events().hasListeners()) {
            return;
        }
        Duration took = phase == Phase.STARTED ? null : Duration.ofNanos(System.nanoTime() - turnStartedNanos);
        setup.events().publish(new ProviderCallEvent(Instant.now(), conversationId, phase, setup.provider().name(),
                model, setup.promptName(), cost, took, null, cause));
    }

    private static Response response(List<Message> turn, CostInfo cost, long latencyMillis) {
        Message answer = turn.stream().filter(message -> message.role() == Role.ASSISTANT)
                .reduce((first, second) -> second).orElseGet(() -> Message.assistant(""));
        return new Response(answer, turn, List.of(), cost, Duration.ofMillis(latencyMillis));
    }

    private ToolTurnBudget newBudget() {
        return new ToolTurnBudget(setup.prompt().toolPolicy().maxToolCallsPerTurn());
    }
}
