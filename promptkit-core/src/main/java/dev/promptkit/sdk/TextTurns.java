/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.sdk;

import dev.promptkit.duplex.DuplexEvent;
import dev.promptkit.event.Event;
import dev.promptkit.event.EventBus;
import dev.promptkit.event.MessageCreatedEvent;
import dev.promptkit.event.Phase;
import dev.promptkit.event.PipelineEvent;
import dev.promptkit.event.StreamInterruptedEvent;
import dev.promptkit.pipeline.StreamElement;
import dev.promptkit.pipeline.TurnContext;
import dev.promptkit.pipeline.TurnRequest;
import dev.promptkit.tool.ToolRegistry;
import dev.promptkit.types.ContentPart;
import dev.promptkit.types.CostInfo;
import dev.promptkit.types.Message;
import dev.promptkit.types.TokenUsage;
import dev.promptkit.voice.TextTurnRunner;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Runs a conversation's text turns through its pipeline, one after another: {@link #send}, {@link #stream} and
 * {@link #continueTurn}, and the VAD mode's voice turns ({@link #runner}). The pipeline stores each turn.
 */
final class TextTurns {

    private final String conversationId;
    private final ConversationSetup setup;
    private final Map<String, String> variables;
    private final ToolRegistry tools;
    private final TurnSequencer sequencer;
    private final Runnable ensureOpen;
    private final ConversationEvals evals;

    /**
     * @param variables the conversation's variables, read afresh at each turn
     * @param sequencer keeps the turns of the conversation from overlapping
     * @param ensureOpen fails when the conversation is closed
     */
    TextTurns(String conversationId, ConversationSetup setup, Map<String, String> variables, ToolRegistry tools,
            TurnSequencer sequencer, Runnable ensureOpen) {
        this.conversationId = conversationId;
        this.setup = setup;
        this.variables = variables;
        this.tools = tools;
        this.sequencer = sequencer;
        this.ensureOpen = ensureOpen;
        this.evals = new ConversationEvals(conversationId, setup);
    }

    /** The whole answer to {@code userMessage}, once the turn has been stored. */
    Mono<Response> send(Message userMessage) {
        ResponseAssembler assembler = new ResponseAssembler();
        AtomicLong historyVersion = new AtomicLong();
        return run(userMessage, historyVersion).doOnNext(assembler::accept)
                .then(Mono.fromSupplier(() -> answered(userMessage, assembler, historyVersion)));
    }

    /**
     * The answer as it comes, spoken too with the {@code tts} option, then one {@link StreamChunk.Type#DONE} chunk once
     * the turn has been stored.
     */
    Flux<StreamChunk> stream(Message userMessage) {
        return stream(userMessage, setup.options().voice().spokenAnswers());
    }

    private Flux<StreamChunk> stream(Message userMessage, SpokenAnswers speech) {
        ResponseAssembler assembler = new ResponseAssembler();
        AtomicLong historyVersion = new AtomicLong();
        Flux<StreamChunk> chunks = run(userMessage, historyVersion).handle((element, sink) -> {
            assembler.accept(element);
            StreamChunk chunk = toChunk(element);
            if (chunk != null) {
                sink.next(chunk);
            }
        });
        return (speech == null ? chunks : speech.speakAlong(chunks, conversationId))
                .concatWith(Mono.fromSupplier(() -> StreamChunk.done(answered(userMessage, assembler,
                        historyVersion))));
    }

    /** The answer once the model has read the results of the held calls. */
    Mono<Response> continueTurn() {
        return send(null);
    }

    /** Hands the session-end live evals to the evaluator, if the conversation ran a turn. */
    void sessionComplete() {
        evals.sessionComplete();
    }

    /** The stored turn's response; its live evals are handed to the evaluator, not waited for. */
    private Response answered(Message userMessage, ResponseAssembler assembler, AtomicLong historyVersion) {
        Response response = assembler.build();
        evals.afterTurn(userMessage, response, historyVersion.get());
        return response;
    }

    /**
     * Text turns as a voice session runs them, unspoken (the session speaks them itself); {@code answered} gets each
     * turn's response once it is stored.
     */
    TextTurnRunner runner(Consumer<Response> answered) {
        return text -> Flux.defer(() -> stream(userMessage(text), null)).<DuplexEvent>handle((chunk, sink) -> {
            if (chunk.isText()) {
                sink.next(new DuplexEvent.TextDelta(chunk.text()));
            }
            else if (chunk.isDone()) {
                answered.accept(chunk.response());
                CostInfo cost = chunk.response().costInfo();
                sink.next(new DuplexEvent.TurnComplete(new TokenUsage(cost.inputTokens(), cost.outputTokens(),
                        cost.cachedTokens(), cost.cacheWriteTokens(), cost.reasoningTokens())));
            }
        });
    }

    /** The user's message: non-empty, well-formed text and its attachments. */
    Message userMessage(String text, SendOption... attachments) {
        ensureOpen.run();
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("The message text must not be empty");
        }
        WellFormedText.require(text, "The message text");
        if (attachments.length == 0) {
            return Message.user(text);
        }
        List<ContentPart> parts = new ArrayList<>(attachments.length);
        for (SendOption attachment : attachments) {
            parts.add(attachment.part());
        }
        return Message.user(text, parts);
    }

    /**
     * Prepares a turn answering {@code userMessage} ({@code null} to continue after held calls) and runs it through
     * the pipeline, which stores it; a conflict or failure stores nothing. {@code historyVersion} is set to the
     * version of the history the turn was answered on.
     */
    private Flux<StreamElement> run(Message userMessage, AtomicLong historyVersion) {
        return sequencer.serialize(Flux.defer(() -> {
            ensureOpen.run();
            EventBus events = setup.events();
            long started = System.nanoTime();
            publish(Phase.STARTED, null, null);
            return setup.preparer().prepare(new TurnRequest(conversationId, variables, userMessage), tools, events)
                    .flatMapMany(prepared -> {
                        historyVersion.set(prepared.historyVersion());
                        List<StreamElement> own = new ArrayList<>();
                        prepared.heldCalls().messages().forEach(answer -> own.add(StreamElement.message(answer)));
                        if (userMessage != null) {
                            own.add(StreamElement.message(userMessage));
                        }
                        return setup.pipeline().execute(Flux.fromIterable(own), new TurnContext(prepared, tools,
                                events));
                    })
                    .doOnNext(this::publishMessage)
                    .doOnError(error -> publish(Phase.FAILED, Duration.ofNanos(System.nanoTime() - started), error))
                    .doOnComplete(() -> publish(Phase.COMPLETED, Duration.ofNanos(System.nanoTime() - started), null))
                    .doOnCancel(() -> publishEvent(new StreamInterruptedEvent(Instant.now(), conversationId,
                            Duration.ofNanos(System.nanoTime() - started))));
        }));
    }

    private void publish(Phase phase, Duration took, Throwable error) {
        publishEvent(new PipelineEvent(Instant.now(), conversationId, phase, null, took, error));
    }

    private void publishMessage(StreamElement element) {
        if (element.isMessage()) {
            publishEvent(new MessageCreatedEvent(Instant.now(), conversationId, element.message()));
        }
    }

    private void publishEvent(Event event) {
        if (setup.events().hasListeners()) {
            setup.events().publish(event);
        }
    }

    private static StreamChunk toChunk(StreamElement element) {
        return switch (element.kind()) {
            case TEXT -> StreamChunk.text(element.text());
            case REASONING -> StreamChunk.reasoning(element.reasoning());
            case TOOL_CALL -> StreamChunk.toolCall(element.toolCall());
            case MEDIA -> StreamChunk.media(element.media());
            case MESSAGE, PENDING_TOOL, ERROR -> null;
        };
    }
}
