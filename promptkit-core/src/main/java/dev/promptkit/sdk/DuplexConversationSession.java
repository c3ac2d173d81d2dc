package dev.promptkit.sdk;

import dev.promptkit.duplex.AudioChunk;
import dev.promptkit.duplex.DuplexEvent;
import dev.promptkit.duplex.DuplexProvider;
import dev.promptkit.duplex.DuplexSession;
import dev.promptkit.duplex.DuplexSessionConfig;
import dev.promptkit.duplex.DuplexSessionException;
import dev.promptkit.duplex.ImageFrame;
import dev.promptkit.duplex.VideoChunk;
import dev.promptkit.event.Phase;
import dev.promptkit.event.ProviderCallEvent;
import dev.promptkit.pipeline.PipelineBuilder;
import dev.promptkit.pipeline.PromptAssemblyStage;
import dev.promptkit.pipeline.TemplateStage;
import dev.promptkit.pipeline.TurnContext;
import dev.promptkit.pipeline.VariablesStage;
import dev.promptkit.provider.CostCalculator;
import dev.promptkit.provider.TokenUsage;
import dev.promptkit.tool.ToolDescriptor;
import dev.promptkit.tool.ToolOutcome;
import dev.promptkit.tool.ToolRegistry;
import dev.promptkit.tool.ToolTurnBudget;
import dev.promptkit.tool.mcp.McpServers;
import dev.promptkit.types.CostInfo;
import dev.promptkit.types.Message;
import dev.promptkit.types.Role;
import dev.promptkit.types.ToolCall;
import dev.promptkit.types.ToolResult;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.function.Supplier;
import reactor.core.Disposable;
import reactor.core.Disposables;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

/**
 * The live session behind a duplex {@link Conversation} in ASM mode: a {@link DuplexSession} of the
 * conversation's {@link DuplexProvider}, opened with the prompt's system prompt (variables resolved and
 * template rendered, as a text turn does) and tools. While it lives, it
 * <ul>
 * <li>forwards the caller's text, audio, image frames and start triggers to the session;</li>
 * <li>turns the session's events into {@link StreamChunk}s for {@link #response()};</li>
 * <li>runs the tools the model calls through the conversation's {@link ToolRegistry} (arguments validated,
 * handlers bound with {@code onTool} and friends, tool events published) and sends the results back; a tool
 * that asks for human approval gets an error result instead, as duplex sessions cannot wait for approval. The
 * prompt's tool policy counts the calls between two inputs of the user (typed text, a finished utterance or
 * {@code triggerStart}), and a model that keeps repeating one call ends the session;</li>
 * <li>on each completed model response, stores the turn's messages (user text and transcripts, the model's
 * transcript or text, tool calls and results) in the conversation's state store, publishes a
 * {@link ProviderCallEvent} with the reported usage and its cost, then emits {@link StreamChunk.Type#TURN_COMPLETE}.</li>
 * </ul>
 * A turn cut short by the end of the session is not stored. {@link #response()} holds up to
 * {@value #RESPONSE_BUFFER} chunks for a subscriber that is late or slow; a caller that falls further behind
 * ends the session with an error.
 */
final class DuplexConversationSession {

    static final int RESPONSE_BUFFER = 1024;

    private final String conversationId;
    private final ConversationSetup setup;
    private final ToolRegistry tools;
    private final DuplexSession session;
    private final String model;
    private final List<String> offeredTools;
    private final Map<String, String> storedMetadata;
    private final CostCalculator costs;
    private final DuplexTranscript transcript;
    private final Sinks.Many<StreamChunk> chunks = Sinks.many().multicast().onBackpressureBuffer(RESPONSE_BUFFER, false);
    private final Sinks.Empty<Void> done = Sinks.empty();
    private final Sinks.Empty<Void> aborted = Sinks.empty();
    private final Disposable.Composite toolRuns = Disposables.composite();
    private volatile Throwable abortCause;
    private volatile Throwable error;
    private volatile boolean ended;
    private volatile ToolTurnBudget budget;
    private long turnStartedNanos;

    private DuplexConversationSession(String conversationId, ConversationSetup setup, ToolRegistry tools,
            DuplexSession session, DuplexSessionConfig config, Map<String, String> storedMetadata) {
        this.conversationId = conversationId;
        this.setup = setup;
        this.tools = tools;
        this.session = session;
        this.model = config.model();
        this.offeredTools = config.tools().stream().map(ToolDescriptor::name).toList();
        this.storedMetadata = Map.copyOf(storedMetadata);
        this.costs = CostCalculator.forProvider(setup.provider(), setup.options().pricing());
        this.transcript = new DuplexTranscript(Map.of("model", model, "provider", setup.provider().name()));
        this.budget = newBudget();
    }

    /**
     * Renders the prompt for the conversation's variables, opens a session on {@code provider} and starts
     * handling its events.
     */
    static Mono<DuplexConversationSession> open(String conversationId, ConversationSetup setup, ToolRegistry tools,
            Map<String, String> variables, DuplexProvider provider) {
        ConversationOptions options = setup.options();
        String model = options.model() != null ? options.model()
                : Optional.ofNullable(provider.defaultDuplexModel()).orElse(setup.model());
        TurnContext prompt = new TurnContext(conversationId, setup.pack(), setup.promptName(), setup.prompt(), model,
                variables, tools, setup.events());
        McpServers mcp = setup.ownedMcpServers() != null ? setup.ownedMcpServers() : options.mcpServers();
        return new PipelineBuilder()
                .chain(new VariablesStage(options.variableProviders()),
                        new PromptAssemblyStage(options.parameters(), options.responseFormat(), mcp),
                        new TemplateStage())
                .build().execute(Flux.empty(), prompt)
                .then(Mono.fromSupplier(() -> new DuplexSessionConfig(model, prompt.systemPrompt(), prompt.tools(),
                        prompt.parameters(), options.duplex().voice(), options.duplex().inputAudioFormat(),
                        options.duplex().audioOutput(), options.duplex().providerOptions())))
                .flatMap(config -> provider.openSession(config).map(session -> new DuplexConversationSession(
                        conversationId, setup, tools, session, config, Conversation.storedMetadata(setup.pack().id(),
                                setup.promptName(), variables))))
                .doOnNext(DuplexConversationSession::start);
    }

    Mono<Void> sendText(String text) {
        return whileOpen(() -> {
            transcript.userText(text);
            budget = newBudget();
            return session.sendText(text);
        });
    }

    Mono<Void> sendChunk(AudioChunk chunk) {
        return whileOpen(() -> session.sendAudio(chunk));
    }

    Mono<Void> sendFrame(ImageFrame frame) {
        return whileOpen(() -> session.sendImage(frame));
    }

    /** An image chunk goes as a frame; other video as the session's encoded video, if it takes any. */
    Mono<Void> sendVideoChunk(VideoChunk chunk) {
        if (chunk.mimeType().startsWith("image/")) {
            return sendFrame(new ImageFrame(chunk.data(), chunk.mimeType(), 0, 0, chunk.timestampMillis()));
        }
        return whileOpen(() -> session.sendVideo(chunk));
    }

    Mono<Void> triggerStart() {
        return whileOpen(() -> {
            budget = newBudget();
            return session.triggerStart();
        });
    }

    Flux<StreamChunk> response() {
        return chunks.asFlux();
    }

    Mono<Void> done() {
        return done.asMono();
    }

    Optional<Throwable> sessionError() {
        return Optional.ofNullable(error);
    }

    /** Ends the session; {@link #done()} completes once it has ended. */
    void close() {
        session.closeAsync().subscribe(null, ignored -> {
            // a session that fails while closing has ended all the same
        });
    }

    private void start() {
        session.events()
                .takeUntilOther(aborted.asMono())
                .concatWith(Mono.defer(() -> abortCause == null ? Mono.empty() : Mono.error(abortCause)))
                .concatMap(this::handle)
                .subscribe(null, this::end, () -> end(null));
    }

    private Mono<Void> handle(DuplexEvent event) {
        if (turnStartedNanos == 0) {
            turnStartedNanos = System.nanoTime();
            publish(Phase.STARTED, null, null);
        }
        if (event instanceof DuplexEvent.TurnComplete complete) {
            return completeTurn(complete.usage());
        }
        if (event instanceof DuplexEvent.TextDelta text) {
            transcript.modelText(text.text());
            emit(StreamChunk.text(text.text()));
        }
        else if (event instanceof DuplexEvent.AudioDelta audio) {
            emit(StreamChunk.audio(audio.audio()));
        }
        else if (event instanceof DuplexEvent.InputTranscript input) {
            if (input.complete()) {
                budget = newBudget();
            }
            transcript.userSpeech(input.text(), input.complete());
            emit(StreamChunk.inputTranscript(input.text()));
        }
        else if (event instanceof DuplexEvent.OutputTranscript output) {
            transcript.modelSpeech(output.text());
            emit(StreamChunk.outputTranscript(output.text()));
        }
        else if (event instanceof DuplexEvent.ToolCallRequested requested) {
            transcript.toolCall(requested.call());
            emit(StreamChunk.toolCall(requested.call()));
            runTool(requested.call());
        }
        else if (event instanceof DuplexEvent.Interrupted) {
            emit(StreamChunk.interrupted());
        }
        return Mono.empty();
    }

    private Mono<Void> completeTurn(TokenUsage usage) {
        CostInfo cost = costs.cost(model, usage);
        long latencyMillis = Duration.ofNanos(System.nanoTime() - turnStartedNanos).toMillis();
        List<Message> turn = transcript.completeTurn(cost, latencyMillis);
        Mono<Void> stored = turn.isEmpty() ? Mono.empty()
                : setup.stateStore().append(conversationId, turn, storedMetadata);
        return stored.then(Mono.fromRunnable(() -> {
            publish(Phase.COMPLETED, cost, null);
            turnStartedNanos = 0;
            emit(StreamChunk.turnComplete(response(turn, cost, latencyMillis)));
        }));
    }

    private void runTool(ToolCall call) {
        toolRuns.add(setup.toolRunner().run(List.of(call), offeredTools, tools, budget, conversationId, setup.events())
                .next()
                .map(outcome -> resultOf(call, outcome))
                .flatMap(result -> {
                    transcript.toolResult(result);
                    return session.sendToolResult(result);
                })
                .subscribe(null, this::abort));
    }

    /** Ends the session with a failure that happened beside its events (a runaway tool loop). */
    private void abort(Throwable failure) {
        abortCause = failure;
        aborted.tryEmitEmpty();
    }

    private static ToolResult resultOf(ToolCall call, ToolOutcome outcome) {
        return outcome.isPending() ? ToolResult.failure(call.id(), call.name(), "this tool needs a person's approval,"
                + " which a duplex session cannot wait for", 0) : outcome.result();
    }

    private void emit(StreamChunk chunk) {
        if (chunks.tryEmitNext(chunk) == Sinks.EmitResult.FAIL_OVERFLOW) {
            throw new DuplexSessionException(setup.provider().name(), "the caller fell more than " + RESPONSE_BUFFER
                    + " chunks behind on response(); subscribe to it before sending and keep reading", null);
        }
    }

    private void end(Throwable failure) {
        ended = true;
        toolRuns.dispose();
        if (turnStartedNanos != 0) {
            publish(Phase.FAILED, null, failure != null ? failure : new CancellationException("the session ended"));
        }
        if (failure != null) {
            error = failure;
            close();
            chunks.tryEmitError(failure);
        }
        else {
            chunks.tryEmitComplete();
        }
        done.tryEmitEmpty();
    }

    private Mono<Void> whileOpen(Supplier<Mono<Void>> send) {
        return Mono.defer(() -> ended ? Mono.error(new DuplexSessionException(setup.provider().name(),
                "the session has ended", error)) : send.get());
    }

    private void publish(Phase phase, CostInfo cost, Throwable failure) {
        if (!setup.events().hasListeners()) {
            return;
        }
        Duration took = phase == Phase.STARTED ? null : Duration.ofNanos(System.nanoTime() - turnStartedNanos);
        setup.events().publish(new ProviderCallEvent(Instant.now(), conversationId, phase, setup.provider().name(),
                model, setup.promptName(), cost, took, null, failure));
    }

    private Response response(List<Message> turn, CostInfo cost, long latencyMillis) {
        Message answer = turn.stream().filter(message -> message.role() == Role.ASSISTANT)
                .reduce((first, second) -> second).orElseGet(() -> Message.assistant(""));
        return new Response(answer, turn, List.of(), cost, Duration.ofMillis(latencyMillis));
    }

    private ToolTurnBudget newBudget() {
        return new ToolTurnBudget(setup.prompt().toolPolicy().maxToolCallsPerTurn());
    }
}
