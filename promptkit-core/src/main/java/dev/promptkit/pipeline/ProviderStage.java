/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.pipeline;

import dev.promptkit.event.Phase;
import dev.promptkit.event.ProviderCallEvent;
import dev.promptkit.pack.ToolPolicy;
import dev.promptkit.provider.CostCalculator;
import dev.promptkit.provider.Provider;
import dev.promptkit.provider.ProviderChunk;
import dev.promptkit.provider.ProviderRequest;
import dev.promptkit.provider.ProviderResponse;
import dev.promptkit.provider.http.IdleTimeout;
import dev.promptkit.tool.ToolCallRunner;
import dev.promptkit.tool.ToolLoopException;
import dev.promptkit.tool.ToolOutcome;
import dev.promptkit.tool.ToolTurnBudget;
import dev.promptkit.types.CostInfo;
import dev.promptkit.types.Message;
import dev.promptkit.types.Role;
import dev.promptkit.types.ToolChoice;
import dev.promptkit.types.ToolDescriptor;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Calls the provider with the turn's history and its new messages, and streams its answer: every input element
 * (the turn's own, never the history) first,
 * then text deltas, reasoning deltas and tool calls as they arrive, then the assistant {@link Message} carrying the
 * finish reason, latency, tokens, cost and the model's reasoning. When the model asks for tools, runs them
 * ({@link ToolCallRunner}), emits their results as tool messages and calls the provider again, round
 * after round, within the prompt's {@link ToolPolicy}. A call held for approval ends the turn after
 * its round. Fails the turn when the provider is silent for longer than the idle timeout.
 *
 * @since 0.1.0
 */
public final class ProviderStage extends BuiltInStage {

    public static final String NAME = "provider";

    private final Provider provider;
    private final CostCalculator costs;
    private final Duration idleTimeout;
    private final Map<String, Object> requestMetadata;
    private final ToolCallRunner tools;

    /**
     * @param idleTimeout the longest wait for the provider's next chunk; {@link Duration#ZERO} for none
     * @param requestMetadata passed to the provider with every request (for example a mock scenario id)
     * @param tools runs the tool calls the model makes
     */
    public ProviderStage(Provider provider, CostCalculator costs, Duration idleTimeout,
            Map<String, Object> requestMetadata, ToolCallRunner tools) {
        super(NAME, StageType.GENERATE);
        this.provider = provider;
        this.costs = costs;
        this.idleTimeout = idleTimeout;
        this.requestMetadata = Map.copyOf(requestMetadata);
        this.tools = tools;
    }

    @Override
    public Flux<StreamElement> process(Flux<StreamElement> in, TurnContext turn) {
        return in.collectList().flatMapMany(elements -> {
            List<Message> conversation = new ArrayList<>(turn.history().size() + elements.size());
            conversation.addAll(turn.history());
            for (StreamElement element : elements) {
                if (element.isMessage()) {
                    conversation.add(element.message());
                }
            }
            ToolTurnBudget budget = new ToolTurnBudget(turn.prompt().toolPolicy().maxToolCallsPerTurn());
            return Flux.concat(Flux.fromIterable(elements), round(conversation, turn, budget, 1));
        });
    }

    /** One provider call, then, if the model asked for tools, their results and the next round. */
    private Flux<StreamElement> round(List<Message> conversation, TurnContext turn, ToolTurnBudget budget,
            int round) {
        return Flux.defer(() -> {
            Message[] answer = new Message[1];
            return answer(request(conversation, turn, round), turn)
                    .doOnNext(element -> {
                        if (element.isMessage()) {
                            answer[0] = element.message();
                        }
                    })
                    .concatWith(Flux.defer(() -> afterAnswer(conversation, answer[0], turn, budget, round)));
        });
    }

    private Flux<StreamElement> afterAnswer(List<Message> conversation, Message answer, TurnContext turn,
            ToolTurnBudget budget, int round) {
        if (!answer.hasToolCalls()) {
            return Flux.empty();
        }
        int maxRounds = turn.prompt().toolPolicy().maxRounds();
        if (round > maxRounds) {
            return Flux.error(new ToolLoopException("The model still asked for tools after " + maxRounds
                    + " rounds, the prompt's tool_policy.max_rounds; the turn was stopped"));
        }
        List<String> offered = turn.tools().stream().map(ToolDescriptor::name).toList();
        return tools.run(answer.toolCalls(), offered, turn.toolRegistry(), budget, turn.conversationId(), turn.events())
                .collectList()
                .flatMapMany(outcomes -> {
                    List<StreamElement> results = new ArrayList<>(outcomes.size());
                    List<Message> next = new ArrayList<>(conversation);
                    next.add(answer);
                    boolean held = false;
                    for (ToolOutcome outcome : outcomes) {
                        if (outcome.isPending()) {
                            results.add(StreamElement.pendingTool(outcome.pending()));
                            held = true;
                        }
                        else {
                            Message result = Message.tool(outcome.result(), outcome.cost());
                            results.add(StreamElement.message(result));
                            next.add(result);
                        }
                    }
                    Flux<StreamElement> emitted = Flux.fromIterable(results);
                    return held ? emitted : emitted.concatWith(round(next, turn, budget, round + 1));
                });
    }

    private ProviderRequest request(List<Message> conversation, TurnContext turn, int round) {
        ToolChoice choice = round == 1 || turn.toolChoice() == ToolChoice.NONE ? turn.toolChoice() : ToolChoice.AUTO;
        return new ProviderRequest(turn.model(), turn.systemPrompt(), conversation, turn.tools(), choice,
                turn.parameters(), turn.responseFormat(), requestMetadata);
    }

    private Flux<StreamElement> answer(ProviderRequest request, TurnContext turn) {
        return Flux.defer(() -> {
            ProviderResponse.Builder response = new ProviderResponse.Builder();
            long started = System.nanoTime();
            long[] firstChunk = { 0 };
            turn.publish(() -> callEvent(turn, request, Phase.STARTED, null, 0, 0, null));
            Flux<ProviderChunk> chunks = provider.stream(request);
            if (!idleTimeout.isZero()) {
                chunks = IdleTimeout.apply(chunks, idleTimeout, Schedulers.parallel(),
                        () -> new ProviderIdleTimeoutException(provider.name(), idleTimeout));
            }
            return chunks.<StreamElement>handle((chunk, sink) -> {
                if (firstChunk[0] == 0) {
                    firstChunk[0] = System.nanoTime();
                }
                response.add(chunk);
                if (chunk.isText()) {
                    sink.next(StreamElement.text(chunk.delta()));
                }
                else if (chunk.isToolCall()) {
                    sink.next(StreamElement.toolCall(chunk.toolCall()));
                }
                else if (chunk.isMedia()) {
                    sink.next(StreamElement.media(chunk.media().media()));
                }
                else if (chunk.isReasoning()) {
                    sink.next(StreamElement.reasoning(chunk.reasoning()));
                }
            }).concatWith(Mono.fromSupplier(() -> {
                Message message = assistantMessage(request.model(), response.build(), System.nanoTime() - started);
                turn.publish(() -> callEvent(turn, request, Phase.COMPLETED, message.costInfo(), started,
                        firstChunk[0], null));
                return StreamElement.message(message);
            })).doOnError(error -> turn.publish(() -> callEvent(turn, request, Phase.FAILED, null, started,
                    firstChunk[0], error)))
                    .doOnCancel(() -> turn.publish(() -> callEvent(turn, request, Phase.FAILED, null, started,
                            firstChunk[0], new CancellationException("the turn was cancelled"))));
        });
    }

    private ProviderCallEvent callEvent(TurnContext turn, ProviderRequest request, Phase phase, CostInfo cost,
            long startedNanos, long firstChunkNanos, Throwable error) {
        long now = System.nanoTime();
        return new ProviderCallEvent(Instant.now(), turn.conversationId(), phase, provider.name(), request.model(),
                turn.promptName(), cost, startedNanos == 0 ? null : Duration.ofNanos(now - startedNanos),
                firstChunkNanos == 0 ? null : Duration.ofNanos(firstChunkNanos - startedNanos), error);
    }

    private Message assistantMessage(String model, ProviderResponse response, long elapsedNanos) {
        CostInfo cost = costs.cost(model, response.usage());
        String content = response.text().isEmpty() && !response.toolCalls().isEmpty() ? null : response.text();
        return new Message(Role.ASSISTANT, content, response.media(), response.toolCalls(), null, Instant.now(),
                Duration.ofNanos(elapsedNanos).toMillis(), cost, response.finishReason(), null,
                Map.of("model", model, "provider", provider.name()), response.reasoning());
    }
}
