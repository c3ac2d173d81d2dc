/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.sdk;

import dev.promptkit.duplex.AudioChunk;
import dev.promptkit.duplex.ImageFrame;
import dev.promptkit.duplex.VideoChunk;
import dev.promptkit.event.EventBus;
import dev.promptkit.event.Phase;
import dev.promptkit.event.PipelineEvent;
import dev.promptkit.pipeline.StreamElement;
import dev.promptkit.pipeline.TurnContext;
import dev.promptkit.state.ConversationState;
import dev.promptkit.tool.ApprovalCheck;
import dev.promptkit.tool.ContextualToolHandler;
import dev.promptkit.tool.LocalToolExecutor;
import dev.promptkit.tool.PendingResult;
import dev.promptkit.tool.PendingToolCall;
import dev.promptkit.tool.PendingToolCallsException;
import dev.promptkit.tool.PendingToolDecidedException;
import dev.promptkit.tool.PendingToolNotFoundException;
import dev.promptkit.tool.ToolBinding;
import dev.promptkit.tool.ToolContext;
import dev.promptkit.tool.ToolExecutor;
import dev.promptkit.tool.ToolHandler;
import dev.promptkit.tool.ToolNotInPackException;
import dev.promptkit.tool.ToolRegistry;
import dev.promptkit.tool.http.HttpToolConfig;
import dev.promptkit.tool.http.HttpToolExecutor;
import dev.promptkit.types.ContentPart;
import dev.promptkit.types.Message;
import dev.promptkit.types.ToolResult;
import dev.promptkit.voice.TextTurnRunner;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * A conversation with a model, driven by one prompt of a pack. Each {@link #send} or {@link #stream}
 * is a turn: the stored history, the user's message and the rendered system prompt go to the
 * provider, and the turn's messages are stored when it completes. A failed or cancelled turn stores
 * nothing. Turns of one conversation never overlap: concurrent calls run one after another.
 *
 * <p>A duplex conversation ({@code PromptKit.openDuplex}, {@link SessionMode#DUPLEX}) holds one live session
 * with the model instead: the caller sends text ({@link #sendText}), audio ({@link #sendChunk}), image frames
 * ({@link #sendFrame}) whenever it has them, reads everything that comes back from {@link #response()}, and
 * learns from {@link #done()} and {@link #sessionError()} when and why the session ended. In ASM mode the session
 * is the provider's realtime session, and its system prompt is rendered once, when it opens; in VAD mode
 * ({@link ConversationOptions.Builder#vadMode}) each user turn is transcribed and answered by a text turn. Each
 * completed model response is stored as a turn, so {@link #messages()} shows the transcript. The unary methods ({@link #send},
 * {@link #stream}, {@link #continueTurn}) fail on a duplex conversation, and the duplex ones on a unary
 * conversation, with an {@link IllegalStateException} naming the method and the mode.
 *
 * <p>Thread-safe. The blocking methods ({@link #send}, {@link #messages}, {@link #fork}, {@link #clear})
 * must not be called on a reactive event-loop thread; use the {@code Async} variants there.
 *
 * @since 0.1.0
 */
public final class Conversation implements AutoCloseable {

    /** Stored-metadata key of the conversation's prompt name. */
    static final String PROMPT_KEY = "prompt";
    /** Stored-metadata key of the conversation's pack id. */
    static final String PACK_KEY = "pack";
    private static final String VARIABLE_KEY_PREFIX = "var.";
    private static final Logger log = LoggerFactory.getLogger(Conversation.class);

    private final String id;
    private final ConversationSetup setup;
    private final Map<String, String> variables = new ConcurrentHashMap<>();
    private final AtomicBoolean closed = new AtomicBoolean();
    private final TurnSequencer turns = new TurnSequencer();
    private final ToolRegistry tools;

    private final boolean fork;
    private final DuplexConversationSession duplex;

    Conversation(String id, ConversationSetup setup, Map<String, String> initialVariables, ToolRegistry tools) {
        this(id, setup, initialVariables, tools, false, null);
    }

    /**
     * A duplex conversation, talking through the session {@code duplex} gives it. That is handed the conversation's
     * text turns, which VAD mode answers the user with, and must not run one before the constructor has returned.
     */
    Conversation(String id, ConversationSetup setup, Map<String, String> initialVariables, ToolRegistry tools,
            Function<TextTurnRunner, DuplexConversationSession> duplex) {
        this(id, setup, initialVariables, tools, false, duplex);
    }

    private Conversation(String id, ConversationSetup setup, Map<String, String> initialVariables, ToolRegistry tools,
            boolean fork, Function<TextTurnRunner, DuplexConversationSession> duplex) {
        this.id = id;
        this.setup = setup;
        this.variables.putAll(initialVariables);
        this.tools = tools;
        this.fork = fork;
        this.duplex = duplex == null ? null : duplex.apply(this::voiceTurn);
    }

    /** This conversation's id, under which its state is stored. */
    public String id() {
        return id;
    }

    /** The names of this conversation's pipeline stages, in order (built-in and custom). */
    public List<String> stageNames() {
        return setup.pipeline().stageNames();
    }

    /** The name of the prompt this conversation runs. */
    public String promptName() {
        return setup.promptName();
    }

    /** Whether this conversation takes turns ({@link SessionMode#UNARY}) or holds a live session ({@link SessionMode#DUPLEX}). */
    public SessionMode mode() {
        return duplex == null ? SessionMode.UNARY : SessionMode.DUPLEX;
    }

    /** Sends a message, with optional attachments ({@link SendOptions}), and waits for the whole answer. */
    public Response send(String text, SendOption... attachments) {
        return sendAsync(text, attachments).block();
    }

    /** Sends a message; the {@link Mono} emits the whole answer when the turn has completed and been stored. */
    public Mono<Response> sendAsync(String text, SendOption... attachments) {
        return Mono.defer(() -> {
            requireMode(SessionMode.UNARY, "send");
            Message userMessage = userMessage(text, attachments);
            ResponseAssembler assembler = new ResponseAssembler();
            return runTurn(Flux.just(StreamElement.message(userMessage))).doOnNext(assembler::accept)
                    .then(Mono.fromSupplier(assembler::build));
        });
    }

    /**
     * Sends a message and streams the answer: text deltas and tool calls as they arrive, then one
     * {@link StreamChunk.Type#DONE} chunk with the {@link Response} once the turn has been stored.
     * Cancelling the subscription stops the provider call and stores nothing.
     */
    public Flux<StreamChunk> stream(String text, SendOption... attachments) {
        return Flux.defer(() -> {
            requireMode(SessionMode.UNARY, "stream");
            return streamTurn(userMessage(text, attachments));
        });
    }

    /** A turn of VAD mode: the user's transcript or typed text answered as {@link #stream} answers it. */
    private Flux<StreamChunk> voiceTurn(String text) {
        return Flux.defer(() -> streamTurn(userMessage(text)));
    }

    private Flux<StreamChunk> streamTurn(Message userMessage) {
        ResponseAssembler assembler = new ResponseAssembler();
        return runTurn(Flux.just(StreamElement.message(userMessage))).<StreamChunk>handle((element, sink) -> {
            assembler.accept(element);
            StreamChunk chunk = toChunk(element);
            if (chunk != null) {
                sink.next(chunk);
            }
        }).concatWith(Mono.fromSupplier(() -> StreamChunk.done(assembler.build())));
    }

    /**
     * Answers a pack tool with an in-process handler, which may block: it runs on the options'
     * {@link ToolOptions#blockingThreads() blocking tool threads}.
     *
     * @throws ToolNotInPackException when the pack declares no such tool
     */
    public Conversation onTool(String toolName, ToolHandler handler) {
        return onToolExecutor(toolName, LocalToolExecutor.of(handler, setup.options().tools().blockingThreads()));
    }

    /** Answers a pack tool with a handler that also receives the call's {@link ToolContext}. */
    public Conversation onToolCtx(String toolName, ContextualToolHandler handler) {
        return onToolExecutor(toolName, new LocalToolExecutor(handler, setup.options().tools().blockingThreads()));
    }

    /** Answers several pack tools at once. */
    public Conversation onTools(Map<String, ToolHandler> handlers) {
        handlers.forEach(this::onTool);
        return this;
    }

    /** Answers a pack tool with any {@link ToolExecutor} (non-blocking). */
    public Conversation onToolExecutor(String toolName, ToolExecutor executor) {
        ensureOpen();
        tools.bind(toolName, ToolBinding.of(executor, "executor"));
        return this;
    }

    /**
     * Answers a pack tool by calling an HTTP endpoint: only the configured URL, whatever the arguments
     * (see {@link HttpToolConfig}).
     */
    public Conversation onToolHttp(String toolName, HttpToolConfig config) {
        ensureOpen();
        tools.bind(toolName, ToolBinding.of(new HttpToolExecutor(config), "http " + config.method() + " "
                + config.url()));
        return this;
    }

    /**
     * Answers a pack tool with a handler that a human may have to approve first: when {@code check}
     * returns a {@link PendingResult}, the call is held, the turn ends with
     * {@link Response#pendingTools()}, and {@link #resolveTool}/{@link #rejectTool} then
     * {@link #continueTurn()} carry on.
     */
    public Conversation onToolAsync(String toolName, ApprovalCheck check, ToolHandler handler) {
        ensureOpen();
        tools.bind(toolName, new ToolBinding(LocalToolExecutor.of(handler, setup.options().tools().blockingThreads()),
                check, "executor (approval)"));
        return this;
    }

    /** Where this conversation publishes what happens (shared with its forks, and with others when set in the options). */
    public EventBus eventBus() {
        return setup.events();
    }

    /** This conversation's tools and their handlers. */
    public ToolRegistry toolRegistry() {
        return tools;
    }

    /** The calls of this conversation waiting for someone to approve or reject them (in the shared pending store). */
    public List<PendingToolCall> pendingTools() {
        return pendingToolsAsync().block();
    }

    public Mono<List<PendingToolCall>> pendingToolsAsync() {
        return Mono.defer(() -> {
            ensureOpen();
            return setup.pendingStore().list(id)
                    .map(held -> held.stream().filter(PendingToolCall::isWaiting).toList());
        });
    }

    /**
     * Approves a held call: runs its handler and keeps the result for the model to read on {@link #continueTurn()}
     * (or with the next message). Exactly one of several concurrent approvals (from any instance sharing the
     * pending store) runs it; approving it again once it has run gives the same result without running it again.
     *
     * @throws PendingToolNotFoundException when no such call is held
     * @throws PendingToolDecidedException when it was rejected, or still runs after another approval
     */
    public ToolResult resolveTool(String callId) {
        return resolveToolAsync(callId).block();
    }

    public Mono<ToolResult> resolveToolAsync(String callId) {
        return decide(callId, PendingToolCall.Decision.APPROVED,
                pending -> setup.toolRunner().runApproved(pending.toolCall(), tools, id, setup.events()));
    }

    /**
     * Rejects a held call: the model is told it was rejected, and why, on {@link #continueTurn()} (or with the next
     * message). Rejecting it again before then replaces the reason.
     *
     * @throws PendingToolNotFoundException when no such call is held
     * @throws PendingToolDecidedException when it was approved
     */
    public ToolResult rejectTool(String callId, String reason) {
        return rejectToolAsync(callId, reason).block();
    }

    public Mono<ToolResult> rejectToolAsync(String callId, String reason) {
        return Mono.defer(() -> {
            String why = reason == null || reason.isBlank() ? null
                    : WellFormedText.require(reason, "The rejection reason");
            return decide(callId, PendingToolCall.Decision.REJECTED,
                    pending -> Mono.just(ToolResult.rejected(pending.id(), pending.name(), why)));
        });
    }

    /**
     * Resumes the turn after held calls were decided: the model reads the tool results and answers (or asks for
     * more tools). The results and the answer are stored together; if the turn fails, nothing is stored and the
     * results stay kept, so it can be continued again without running any tool twice.
     *
     * @throws PendingToolCallsException when calls still wait for approval (or run after it)
     */
    public Response continueTurn() {
        return continueTurnAsync().block();
    }

    public Mono<Response> continueTurnAsync() {
        return Mono.defer(() -> {
            requireMode(SessionMode.UNARY, "continueTurn");
            ResponseAssembler assembler = new ResponseAssembler();
            return runTurn(Flux.empty()).doOnNext(assembler::accept).then(Mono.fromSupplier(assembler::build));
        });
    }

    /** Sends text from the user into the duplex session (see {@link #sendTextAsync}). */
    public void sendText(String text) {
        sendTextAsync(text).block();
    }

    /** Sends text from the user into the duplex session; completes once it was handed to the session. */
    public Mono<Void> sendTextAsync(String text) {
        return Mono.defer(() -> {
            requireMode(SessionMode.DUPLEX, "sendText");
            if (text == null || text.isBlank()) {
                throw new IllegalArgumentException("The message text must not be empty");
            }
            return duplex.sendText(text);
        });
    }

    /** Sends a piece of the user's audio into the duplex session (see {@link #sendChunkAsync}). */
    public void sendChunk(AudioChunk chunk) {
        sendChunkAsync(chunk).block();
    }

    /** Sends a piece of the user's audio (PCM16, any rate: the provider's format is made from it). */
    public Mono<Void> sendChunkAsync(AudioChunk chunk) {
        return Mono.defer(() -> {
            requireMode(SessionMode.DUPLEX, "sendChunk");
            return duplex.sendChunk(Objects.requireNonNull(chunk, "chunk"));
        });
    }

    /** Sends one image frame (a video frame or a screenshot) into the duplex session (see {@link #sendFrameAsync}). */
    public void sendFrame(ImageFrame frame) {
        sendFrameAsync(frame).block();
    }

    /**
     * Sends one image frame. With {@link ConversationOptions.Builder#streamingVideo} set, the frame is first thinned
     * and shrunk: a frame that comes too soon after the last one completes without being sent. VAD mode takes no
     * frames and fails with a {@link dev.promptkit.duplex.DuplexSessionException}.
     */
    public Mono<Void> sendFrameAsync(ImageFrame frame) {
        return Mono.defer(() -> {
            requireMode(SessionMode.DUPLEX, "sendFrame");
            return duplex.sendFrame(Objects.requireNonNull(frame, "frame"));
        });
    }

    /** Sends a piece of encoded video into the duplex session (see {@link #sendVideoChunkAsync}). */
    public void sendVideoChunk(byte[] data, String mimeType) {
        sendVideoChunkAsync(data, mimeType).block();
    }

    /**
     * Sends a piece of encoded video: an {@code image/*} chunk goes as a frame; other video only to a session that
     * takes encoded video, others failing with an {@link UnsupportedOperationException} that says to decode the
     * video into frames and send those with {@link #sendFrame}.
     */
    public Mono<Void> sendVideoChunkAsync(byte[] data, String mimeType) {
        return Mono.defer(() -> {
            requireMode(SessionMode.DUPLEX, "sendVideoChunk");
            return duplex.sendVideoChunk(new VideoChunk(data, mimeType, System.currentTimeMillis()));
        });
    }

    /** Asks the model to answer now, without waiting for the end of the user's turn (see {@link #triggerStartAsync}). */
    public void triggerStart() {
        triggerStartAsync().block();
    }

    /** Asks the model to answer now: ends the user's audio turn where the session does not detect its end. */
    public Mono<Void> triggerStartAsync() {
        return Mono.defer(() -> {
            requireMode(SessionMode.DUPLEX, "triggerStart");
            return duplex.triggerStart();
        });
    }

    /**
     * Everything the duplex session answers, as it comes: text, {@link StreamChunk.Type#AUDIO audio}, input and
     * output transcripts, tool calls, {@link StreamChunk.Type#INTERRUPTED interruptions} and a
     * {@link StreamChunk.Type#TURN_COMPLETE} after each stored turn. Completes when the session ends, fails with its
     * error. Subscribe before sending; several subscribers each get what comes after they subscribed. Chunks wait
     * for a late or slow subscriber, up to 1024 of them: a caller that falls further behind ends the session.
     */
    public Flux<StreamChunk> response() {
        return Flux.defer(() -> {
            checkMode(SessionMode.DUPLEX, "response");
            return duplex.response();
        });
    }

    /** Completes when the duplex session has ended, however it ended (see {@link #sessionError()}). */
    public Mono<Void> done() {
        return Mono.defer(() -> {
            checkMode(SessionMode.DUPLEX, "done");
            return duplex.done();
        });
    }

    /** The error that ended the duplex session; empty while it lives or when it ended normally. */
    public Optional<Throwable> sessionError() {
        checkMode(SessionMode.DUPLEX, "sessionError");
        return duplex.sessionError();
    }

    /** Takes {@code decision} on a held call: claims it, works out its result and keeps that for the next turn. */
    private Mono<ToolResult> decide(String callId, PendingToolCall.Decision decision,
            Function<PendingToolCall, Mono<ToolResult>> outcome) {
        return turns.serialize(Mono.defer(() -> {
            ensureOpen();
            return setup.pendingStore().claim(id, callId, decision)
                    .flatMap(claimed -> keep(claimed, outcome))
                    .switchIfEmpty(Mono.defer(() -> decidedBefore(callId, decision, outcome)));
        }));
    }

    private Mono<ToolResult> keep(PendingToolCall call, Function<PendingToolCall, Mono<ToolResult>> outcome) {
        return outcome.apply(call).flatMap(result -> setup.pendingStore().complete(id, call.id(), result)
                .doOnNext(kept -> {
                    if (!kept) {
                        log.warn("The result of tool call '{}' ({}) of conversation '{}' could not be kept: the call"
                                + " expired while it was decided; the model will be told its outcome is unknown",
                                call.id(), call.name(), id);
                    }
                })
                .thenReturn(result));
    }

    /** A decision on a call that no longer waits: the same result again, a new rejection reason, or an error. */
    private Mono<ToolResult> decidedBefore(String callId, PendingToolCall.Decision decision,
            Function<PendingToolCall, Mono<ToolResult>> outcome) {
        return setup.pendingStore().list(id).flatMap(held -> {
            PendingToolCall call = held.stream().filter(candidate -> candidate.id().equals(callId)).findFirst()
                    .orElse(null);
            if (call == null) {
                return Mono.error(new PendingToolNotFoundException(id, callId));
            }
            if (call.decision() != decision || call.isRunning()) {
                return Mono.error(new PendingToolDecidedException(call, decision));
            }
            return decision == PendingToolCall.Decision.REJECTED ? keep(call, outcome) : Mono.just(call.result());
        });
    }

    /** Sets a template variable for the following turns (over options and defaults, under variable providers). */
    public void setVar(String name, String value) {
        ensureOpen();
        variables.put(requireName(name), Objects.requireNonNull(value, () -> "value of variable '" + name + "'"));
    }

    public void setVars(Map<String, ?> values) {
        values.forEach((name, value) -> setVar(name, String.valueOf(value)));
    }

    /**
     * Sets a variable for every environment variable whose name starts with {@code prefix}: the prefix
     * is removed and the rest lower-cased ({@code PROMPTKIT_USER_NAME} becomes {@code user_name}).
     */
    public void setVarsFromEnv(String prefix) {
        setVarsFrom(prefix, System.getenv());
    }

    void setVarsFrom(String prefix, Map<String, String> environment) {
        environment.forEach((name, value) -> {
            if (name.startsWith(prefix) && name.length() > prefix.length()) {
                setVar(name.substring(prefix.length()).toLowerCase(Locale.ROOT), value);
            }
        });
    }

    /** A variable set on this conversation (not a pack default), or {@code null}. */
    public String getVar(String name) {
        ensureOpen();
        return variables.get(name);
    }

    /** The stored history of this conversation. */
    public List<Message> messages() {
        return messagesAsync().block();
    }

    public Mono<List<Message>> messagesAsync() {
        return Mono.defer(() -> {
            ensureOpen();
            return setup.stateStore().load(id).map(ConversationState::messages).defaultIfEmpty(List.of());
        });
    }

    /**
     * Stores the conversation as it is now: its history unchanged, its prompt and variables recorded. A
     * new conversation becomes resumable by id before its first turn (a stateless web app opens it,
     * saves it, and resumes it on every later request).
     */
    public Mono<Void> saveAsync() {
        return turns.serialize(Mono.defer(() -> {
            ensureOpen();
            return setup.stateStore().append(id, List.of(), storedMetadata());
        }));
    }

    /**
     * Forgets the stored history and the calls held for approval; variables are kept. Waits for a turn in progress
     * to finish first.
     */
    public void clear() {
        clearAsync().block();
    }

    public Mono<Void> clearAsync() {
        return turns.serialize(Mono.defer(() -> {
            ensureOpen();
            return setup.stateStore().save(new ConversationState(id, List.of(), storedMetadata(), Instant.now()))
                    .then(setup.pendingStore().list(id))
                    .flatMap(held -> setup.pendingStore().remove(id, held.stream().map(PendingToolCall::id).toList()));
        }));
    }

    /**
     * An independent copy of this conversation under a new id: the same history (copied in the state
     * store), variables, prompt and provider. Later turns of either do not affect the other. The fork of a duplex
     * conversation is a unary conversation holding its transcript. Calls held for approval stay with this
     * conversation: the fork's next turn tells the model that no outcome of them reached it.
     */
    public Conversation fork() {
        return forkAsync().block();
    }

    public Mono<Conversation> forkAsync() {
        return turns.serialize(Mono.defer(() -> {
            ensureOpen();
            String branchId = id + "-fork-" + UUID.randomUUID().toString().substring(0, 8);
            Map<String, String> branchVariables = Map.copyOf(variables);
            return setup.stateStore().fork(id, branchId)
                    .thenReturn(new Conversation(branchId, setup, branchVariables, tools.copy(), true, null));
        }));
    }

    /**
     * Closes this conversation; later calls fail with {@link ConversationClosedException}. Idempotent.
     * The MCP servers it started (from {@link ConversationOptions.Builder#mcpServer}) stop too; its forks
     * share those servers, so close the forks first. A duplex conversation's session is ended without waiting:
     * {@link #done()} completes once it has.
     */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        if (duplex != null) {
            duplex.close();
        }
        if (setup.ownedMcpServers() != null && !fork) {
            setup.ownedMcpServers().close();
        }
    }

    public boolean isClosed() {
        return closed.get();
    }

    /**
     * Runs one turn through the pipeline; once it has been stored, forgets the held calls whose results it carried
     * and registers the calls it held for approval in the pending store. A conflict or failure stores nothing.
     */
    private Flux<StreamElement> runTurn(Flux<StreamElement> newElements) {
        return turns.serialize(Flux.defer(() -> {
            ensureOpen();
            TurnContext turn = new TurnContext(id, setup.pack(), setup.promptName(), setup.prompt(), setup.model(),
                    variables, tools, setup.events());
            List<PendingToolCall> held = new ArrayList<>();
            long started = System.nanoTime();
            turn.publish(() -> new PipelineEvent(Instant.now(), id, Phase.STARTED, null, null, null));
            return setup.pipeline().execute(newElements, turn)
                    .doOnError(error -> turn.publish(() -> new PipelineEvent(Instant.now(), id, Phase.FAILED, null,
                            Duration.ofNanos(System.nanoTime() - started), error)))
                    .doOnComplete(() -> turn.publish(() -> new PipelineEvent(Instant.now(), id, Phase.COMPLETED, null,
                            Duration.ofNanos(System.nanoTime() - started), null)))
                    .doOnNext(element -> {
                        if (element.isPendingTool()) {
                            held.add(element.pendingTool());
                        }
                    })
                    .concatWith(Flux.defer(() -> setup.pendingStore().remove(id, turn.settledToolCalls())
                            .thenMany(Flux.fromIterable(held).concatMap(setup.pendingStore()::add))
                            .thenMany(Flux.empty())));
        }));
    }

    private Message userMessage(String text, SendOption... attachments) {
        ensureOpen();
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

    private static StreamChunk toChunk(StreamElement element) {
        return switch (element.kind()) {
            case TEXT -> StreamChunk.text(element.text());
            case TOOL_CALL -> StreamChunk.toolCall(element.toolCall());
            case MEDIA -> StreamChunk.media(element.media());
            case MESSAGE, PENDING_TOOL, ERROR -> null;
        };
    }

    private void requireMode(SessionMode required, String method) {
        ensureOpen();
        checkMode(required, method);
    }

    /** Fails unless this conversation is in {@code required} mode (a closed one too: its session's end stays observable). */
    private void checkMode(SessionMode required, String method) {
        if (mode() == required) {
            return;
        }
        throw new IllegalStateException(method + "() is for " + required.label() + " conversations; conversation '"
                + id + "' is " + mode().label() + (required == SessionMode.DUPLEX
                        ? ": open it with openDuplex, or use send() and stream()"
                        : ": use sendText(), sendChunk(), sendFrame() and response()"));
    }

    private void ensureOpen() {
        if (closed.get()) {
            throw new ConversationClosedException(id);
        }
    }

    private static String requireName(String name) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("A variable name must not be empty");
        }
        return name;
    }

    private Map<String, String> storedMetadata() {
        return storedMetadata(setup.pack().id(), setup.promptName(), variables);
    }

    /** What is stored beside a conversation's messages: its pack id, prompt name and variables. */
    static Map<String, String> storedMetadata(String packId, String promptName, Map<String, String> values) {
        Map<String, String> metadata = new HashMap<>();
        metadata.put(PACK_KEY, packId);
        metadata.put(PROMPT_KEY, promptName);
        values.forEach((name, value) -> metadata.put(VARIABLE_KEY_PREFIX + name, value));
        return metadata;
    }

    static Map<String, String> variablesFromMetadata(Map<String, String> metadata) {
        Map<String, String> values = new HashMap<>();
        metadata.forEach((key, value) -> {
            if (key.startsWith(VARIABLE_KEY_PREFIX)) {
                values.put(key.substring(VARIABLE_KEY_PREFIX.length()), value);
            }
        });
        return values;
    }
}
