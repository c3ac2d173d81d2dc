/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.session;

import dev.promptkit.duplex.DuplexEvent;
import dev.promptkit.duplex.DuplexSession;
import dev.promptkit.duplex.DuplexSessionConfig;
import dev.promptkit.event.EventBus;
import dev.promptkit.event.Phase;
import dev.promptkit.event.ProviderCallEvent;
import dev.promptkit.pipeline.TurnCommit;
import dev.promptkit.provider.CostCalculator;
import dev.promptkit.tool.ToolCallRunner;
import dev.promptkit.tool.ToolOutcome;
import dev.promptkit.tool.ToolRegistry;
import dev.promptkit.tool.ToolTurnBudget;
import dev.promptkit.types.CostInfo;
import dev.promptkit.types.Message;
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
 * The {@link TurnKeeper} of a provider's realtime session: writes down what was said ({@link SessionTranscript}),
 * runs the tools the model calls through the conversation's {@link ToolRegistry} within the prompt's tool policy (a
 * tool that needs approval gets an error result: a live session cannot wait), and on each completed response
 * stores the turn through the {@link TurnCommit} and publishes a {@link ProviderCallEvent} with its cost. A turn cut
 * short by the end of the session is not stored.
 *
 * @since 0.1.0
 */
public final class RealtimeTurnKeeper implements TurnKeeper {

    private final Setup setup;
    private final DuplexSession session;
    private final String model;
    private final List<String> offeredTools;
    private final SessionTranscript transcript;
    private final Disposable.Composite toolRuns = Disposables.composite();
    private final Sinks.Empty<Void> failure = Sinks.empty();
    private volatile ToolTurnBudget budget;
    private long turnStartedNanos;

    /**
     * @param session where tool results go
     * @param config what the session was opened with: its model and the tools it offers
     */
    public RealtimeTurnKeeper(Setup setup, DuplexSession session, DuplexSessionConfig config) {
        this.setup = setup;
        this.session = session;
        this.model = config.model();
        this.offeredTools = config.tools().stream().map(ToolDescriptor::name).toList();
        this.transcript = new SessionTranscript(Map.of("model", model, "provider", setup.providerName()));
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
    public Mono<StoredTurn> completeTurn(TokenUsage usage) {
        startTurn();
        CostInfo cost = setup.costs().cost(model, usage);
        long latencyMillis = Duration.ofNanos(System.nanoTime() - turnStartedNanos).toMillis();
        List<Message> turn = transcript.completeTurn(cost, latencyMillis);
        Mono<Void> stored = turn.isEmpty() ? Mono.empty() : setup.commit().commit(
                TurnCommit.Turn.of(setup.conversationId(), turn, setup.storedMetadata()), setup.events());
        return stored.then(Mono.fromSupplier(() -> {
            publish(Phase.COMPLETED, cost, null);
            turnStartedNanos = 0;
            return new StoredTurn(turn, List.of(), cost, Duration.ofMillis(latencyMillis));
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
        toolRuns.add(setup.toolRunner().run(List.of(call), offeredTools, setup.tools(), budget, setup.conversationId(),
                setup.events())
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
        setup.events().publish(new ProviderCallEvent(Instant.now(), setup.conversationId(), phase,
                setup.providerName(), model, setup.promptName(), cost, took, null, cause));
    }

    private ToolTurnBudget newBudget() {
        return new ToolTurnBudget(setup.maxToolCallsPerTurn());
    }

    /**
     * What the keeper works with.
     *
     * @param storedMetadata what is stored beside the conversation's messages
     * @param tools the conversation's tools and their handlers
     * @param maxToolCallsPerTurn the prompt's limit on tool calls between two inputs of the user
     */
    public record Setup(String conversationId, String promptName, String providerName, EventBus events,
            TurnCommit commit, Map<String, String> storedMetadata, ToolCallRunner toolRunner, ToolRegistry tools,
            CostCalculator costs, int maxToolCallsPerTurn) {
    }
}
