/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.sdk;

import dev.promptkit.event.EventBus;
import dev.promptkit.state.ConversationState;
import dev.promptkit.tool.ContextualToolHandler;
import dev.promptkit.tool.LocalToolExecutor;
import dev.promptkit.tool.PendingToolCall;
import dev.promptkit.tool.ToolBinding;
import dev.promptkit.tool.ToolContext;
import dev.promptkit.tool.ToolExecutor;
import dev.promptkit.tool.ToolHandler;
import dev.promptkit.tool.ToolNotInPackException;
import dev.promptkit.tool.ToolRegistry;
import dev.promptkit.tool.http.HttpToolConfig;
import dev.promptkit.tool.http.HttpToolExecutor;
import dev.promptkit.types.Message;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import reactor.core.publisher.Mono;

/**
 * What a text {@link Conversation} and a {@link DuplexConversation} share: the id under which the history is
 * stored, the prompt, variables, tool handlers, the stored history, forks and closing.
 *
 * <p>Thread-safe. The blocking methods must not be called on a reactive event-loop thread; use the {@code Async}
 * variants there.
 *
 * @param <C> the conversation's own type, which the tool methods return
 * @since 0.1.0
 */
public abstract sealed class AbstractConversation<C extends AbstractConversation<C>>
        implements AutoCloseable permits Conversation, DuplexConversation {

    private final String id;
    private final ConversationSetup setup;
    private final Map<String, String> variables = new ConcurrentHashMap<>();
    private final AtomicBoolean closed = new AtomicBoolean();
    private final TurnSequencer sequencer = new TurnSequencer();
    private final ToolRegistry tools;
    private final boolean fork;
    private final TextTurns textTurns;

    /** @param fork whether this is a fork, which leaves the MCP servers it shares to the conversation it came from */
    AbstractConversation(String id, ConversationSetup setup, Map<String, String> initialVariables,
            ToolRegistry tools, boolean fork) {
        this.id = id;
        this.setup = setup;
        this.variables.putAll(initialVariables);
        this.tools = tools;
        this.fork = fork;
        this.textTurns = new TextTurns(id, setup, variables, tools, sequencer, this::ensureOpen);
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

    /**
     * Answers a pack tool with an in-process handler, which may block: it runs on the options'
     * {@link ToolOptions#blockingThreads() blocking tool threads}.
     *
     * @throws ToolNotInPackException when the pack declares no such tool
     */
    public C onTool(String toolName, ToolHandler handler) {
        return onToolExecutor(toolName, LocalToolExecutor.of(handler, setup.options().tools().blockingThreads()));
    }

    /** Answers a pack tool with a handler that also receives the call's {@link ToolContext}. */
    public C onToolCtx(String toolName, ContextualToolHandler handler) {
        return onToolExecutor(toolName, new LocalToolExecutor(handler, setup.options().tools().blockingThreads()));
    }

    /** Answers several pack tools at once. */
    public C onTools(Map<String, ToolHandler> handlers) {
        handlers.forEach(this::onTool);
        return self();
    }

    /** Answers a pack tool with any {@link ToolExecutor} (non-blocking). */
    public C onToolExecutor(String toolName, ToolExecutor executor) {
        return bind(toolName, ToolBinding.of(executor, "executor"));
    }

    /**
     * Answers a pack tool by calling an HTTP endpoint: only the configured URL, whatever the arguments
     * (see {@link HttpToolConfig}).
     */
    public C onToolHttp(String toolName, HttpToolConfig config) {
        return bind(toolName, ToolBinding.of(new HttpToolExecutor(config), "http " + config.method() + " "
                + config.url()));
    }

    C bind(String toolName, ToolBinding binding) {
        ensureOpen();
        tools.bind(toolName, binding);
        return self();
    }

    /** Where this conversation publishes what happens (shared with its forks, and with others when set in the options). */
    public EventBus eventBus() {
        return setup.events();
    }

    /** This conversation's tools and their handlers. */
    public ToolRegistry toolRegistry() {
        return tools;
    }

    /** Sets a template variable for the following turns (over options and defaults, under variable providers). */
    public void setVar(String name, String value) {
        ensureOpen();
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("A variable name must not be empty");
        }
        variables.put(name, Objects.requireNonNull(value, () -> "value of variable '" + name + "'"));
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
     * The results of the live evals stored with this conversation's turns ({@code PipelineOptions.withLiveEvals}), by
     * turn: a result appears once its eval has run, after the turn's answer.
     */
    public List<StoredEvalResult> evalResults() {
        return evalResultsAsync().block();
    }

    public Mono<List<StoredEvalResult>> evalResultsAsync() {
        return Mono.defer(() -> {
            ensureOpen();
            return setup.stateStore().load(id).map(state -> StoredEvalResult.readAll(state.metadata()))
                    .defaultIfEmpty(List.of());
        });
    }

    /**
     * Stores the conversation as it is now: its history unchanged, its prompt and variables recorded. A
     * new conversation becomes resumable by id before its first turn (a stateless web app opens it,
     * saves it, and resumes it on every later request).
     */
    public Mono<Void> saveAsync() {
        return sequencer.serialize(Mono.defer(() -> {
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
        return sequencer.serialize(Mono.defer(() -> {
            ensureOpen();
            return setup.stateStore().save(new ConversationState(id, List.of(), storedMetadata(), Instant.now()))
                    .then(setup.pendingStore().list(id))
                    .flatMap(held -> setup.pendingStore().remove(id, held.stream().map(PendingToolCall::id).toList()));
        }));
    }

    /**
     * An independent text conversation under a new id: the same history (copied in the state store), variables,
     * prompt and provider. Later turns of either do not affect the other. Calls held for approval stay with this
     * conversation: the fork's next turn tells the model that no outcome of them reached it.
     */
    public Conversation fork() {
        return forkAsync().block();
    }

    public Mono<Conversation> forkAsync() {
        return sequencer.serialize(Mono.defer(() -> {
            ensureOpen();
            String branchId = id + "-fork-" + UUID.randomUUID().toString().substring(0, 8);
            Map<String, String> branchVariables = Map.copyOf(variables);
            return setup.stateStore().fork(id, branchId)
                    .thenReturn(new Conversation(branchId, setup, branchVariables, tools.copy(), true));
        }));
    }

    /**
     * Closes this conversation; later calls fail with {@link ConversationClosedException}. Idempotent.
     * The MCP servers it started (from {@link ConversationOptions.Builder#mcpServer}) stop too; its forks
     * share those servers, so close the forks first. So does its recorder (events already queued are still written).
     * A conversation that ran turns hands its session-end live evals ({@code on_session_complete}) to the evaluator.
     */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        closed();
        textTurns.sessionComplete();
        if (setup.ownedMcpServers() != null && !fork) {
            setup.ownedMcpServers().close();
        }
        if (setup.recorder() != null && !fork) {
            setup.recorder().close();
        }
    }

    /** What a subclass releases when the conversation closes. */
    void closed() {
    }

    public boolean isClosed() {
        return closed.get();
    }

    ConversationSetup setup() {
        return setup;
    }

    TextTurns textTurns() {
        return textTurns;
    }

    TurnSequencer sequencer() {
        return sequencer;
    }

    void ensureOpen() {
        if (closed.get()) {
            throw new ConversationClosedException(id);
        }
    }

    private Map<String, String> storedMetadata() {
        return StoredMetadata.of(setup.pack().id(), setup.promptName(), variables);
    }

    @SuppressWarnings("unchecked")
    private C self() {
        return (C) this;
    }
}
