/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.sdk;

import dev.promptkit.context.ContextBudget;
import dev.promptkit.context.ProviderSummarizer;
import dev.promptkit.event.EventBus;
import dev.promptkit.pack.Pack;
import dev.promptkit.pack.Prompt;
import dev.promptkit.pipeline.Pipeline;
import dev.promptkit.pipeline.PipelineBuilder;
import dev.promptkit.pipeline.ProviderStage;
import dev.promptkit.pipeline.StateSaveStage;
import dev.promptkit.pipeline.TurnCommit;
import dev.promptkit.pipeline.TurnPreparer;
import dev.promptkit.provider.CostCalculator;
import dev.promptkit.provider.DuplexProvider;
import dev.promptkit.provider.Provider;
import dev.promptkit.recording.EventRecorder;
import dev.promptkit.recording.EventStore;
import dev.promptkit.secret.SecretRedactor;
import dev.promptkit.state.ConversationState;
import dev.promptkit.state.InMemoryStateStore;
import dev.promptkit.state.StateStore;
import dev.promptkit.tool.InMemoryPendingStore;
import dev.promptkit.tool.PendingStore;
import dev.promptkit.tool.ToolCallRunner;
import dev.promptkit.tool.ToolRegistry;
import dev.promptkit.tool.mcp.McpServers;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import reactor.core.publisher.Mono;

/** Opens and resumes conversations: resolves the prompt, provider and store, and builds the pipeline. */
final class ConversationFactory {

    private ConversationFactory() {
    }

    static Conversation open(Pack pack, String promptName, ConversationOptions options) {
        return open(sharedSetup(pack, promptName, options), options);
    }

    /**
     * Opens the sub-conversation of an agent tool; {@code chain} ends with {@code promptName}, and {@code spending} is
     * what the delegation has spent.
     */
    static Conversation openAgent(Pack pack, String promptName, ConversationOptions options, List<String> chain,
            AgentTool.Spending spending) {
        ConversationSetup setup = setup(pack, promptName, options);
        return new Conversation(id(options), setup, options.pipeline().variables(),
                toolRegistry(setup, chain, spending));
    }

    /**
     * Opens a conversation on a setup built once for many (see {@link #shareable}), with an event bus of its own
     * unless the options name a shared one.
     */
    static Conversation open(ConversationSetup shared, ConversationOptions options) {
        ConversationSetup setup = ownEvents(shared, options);
        return new Conversation(id(options), setup, options.pipeline().variables(), toolRegistry(setup));
    }

    /**
     * Whether conversations opened with {@code options} can share one setup: when the options bring the state and
     * pending stores (else each conversation gets stores of its own) and no MCP server configurations (else each
     * conversation starts servers of its own). Stages, the turn preparer and the provider hold no conversation's
     * state, as forks, which share their setup, already rely on.
     */
    static boolean shareable(ConversationOptions options) {
        return options.state().store() != null && options.state().pendingStore() != null
                && options.tools().mcpServerConfigs().isEmpty();
    }

    private static ConversationSetup ownEvents(ConversationSetup shared, ConversationOptions options) {
        return options.pipeline().eventBus() != null ? shared : shared.withEvents(EventBus.create());
    }

    /**
     * Opens a duplex conversation: in VAD mode when the options set it, else in ASM mode, where the provider must be
     * a {@link DuplexProvider}. The session is open once the {@link Mono} emits.
     */
    static Mono<DuplexConversation> openDuplex(Pack pack, String promptName, ConversationOptions options) {
        return Mono.defer(() -> {
            ConversationSetup setup = setup(pack, promptName, options);
            String id = id(options);
            ToolRegistry tools = toolRegistry(setup);
            VadMode vad = options.voice().vadMode();
            Mono<DuplexConversation> opened = vad != null
                    ? Mono.fromSupplier(() -> new DuplexConversation(id, setup, options.pipeline().variables(), tools,
                            textTurns -> LiveSessions.openVoice(setup, vad, textTurns)))
                    : Mono.fromCallable(() -> duplexProvider(setup))
                            .flatMap(provider -> LiveSessions.openRealtime(id, setup, tools,
                                    options.pipeline().variables(), provider))
                            .map(session -> new DuplexConversation(id, setup, options.pipeline().variables(), tools,
                                    textTurns -> session));
            return opened.doOnError(failed -> {
                if (setup.ownedMcpServers() != null) {
                    setup.ownedMcpServers().close();
                }
            });
        });
    }

    /** The options' conversation id, else a new one. */
    private static String id(ConversationOptions options) {
        String id = options.state().conversationId();
        return id != null ? id : UUID.randomUUID().toString();
    }

    private static DuplexProvider duplexProvider(ConversationSetup setup) {
        return DuplexProvider.of(setup.provider()).orElseThrow(() -> new IllegalStateException("Provider '"
                + setup.provider().name() + "' (type " + setup.provider().type() + ") has no duplex mode: openDuplex"
                + " needs either VAD mode (ConversationOptions.Builder.vadMode, with speech-to-text and text-to-speech"
                + " services; any text provider) or a provider that speaks a realtime protocol (openai, gemini,"
                + " mock)"));
    }

    static Mono<Conversation> resume(String conversationId, Pack pack, String promptName,
            ConversationOptions options) {
        if (options.state().store() == null) {
            return Mono.error(new NoStateStoreException());
        }
        return resumeOn(conversationId, setup(pack, promptName, options), options);
    }

    /** Reopens a stored conversation on a setup built once for many (see {@link #shareable}). */
    static Mono<Conversation> resumeShared(String conversationId, ConversationSetup shared,
            ConversationOptions options) {
        return resumeOn(conversationId, ownEvents(shared, options), options);
    }

    private static Mono<Conversation> resumeOn(String conversationId, ConversationSetup setup,
            ConversationOptions options) {
        return options.state().store().load(conversationId)
                .switchIfEmpty(Mono.error(() -> new ConversationNotFoundException(conversationId)))
                .map(state -> new Conversation(conversationId, setup, restoredVariables(state, options),
                        toolRegistry(setup)));
    }

    /** The tools of a conversation that is not an agent tool's. */
    private static ToolRegistry toolRegistry(ConversationSetup setup) {
        return toolRegistry(setup, List.of(setup.promptName()), null);
    }

    /**
     * The pack's tools: its agent tools bound to {@link AgentTool}s, then the handlers the options bring; fails on a
     * handler for an unknown tool.
     */
    private static ToolRegistry toolRegistry(ConversationSetup setup, List<String> chain,
            AgentTool.Spending spending) {
        ConversationOptions options = setup.options();
        ToolRegistry registry = ToolRegistry.forPack(setup.pack(), options.tools().shared());
        AgentTool.bindAll(setup, registry, chain, spending);
        options.tools().bindings().forEach(registry::bind);
        return registry;
    }

    /** The stored variables, with the ones passed in the options laid over them. */
    private static Map<String, String> restoredVariables(ConversationState state, ConversationOptions options) {
        Map<String, String> variables = new HashMap<>(StoredMetadata.variables(state.metadata()));
        variables.putAll(options.pipeline().variables());
        return variables;
    }

    /** A conversation's setup: the shared one's parts, with its own event bus unless the options name one. */
    static ConversationSetup setup(Pack pack, String promptName, ConversationOptions options) {
        return ownEvents(sharedSetup(pack, promptName, options), options);
    }

    /**
     * The parts of a setup that conversations may share (see {@link #shareable}): everything but a bus of the
     * conversation's own (the options' bus, or none yet) and its recorder.
     */
    static ConversationSetup sharedSetup(Pack pack, String promptName, ConversationOptions options) {
        if (options.pipeline().eventStore() != null && options.pipeline().eventBus() != null) {
            throw new IllegalStateException("ConversationOptions name both an eventBus and an eventStore: the event"
                    + " store records a conversation's own bus; with a shared bus, start one recorder on it instead"
                    + " (EventRecorder.start(bus, store)), so that each event is recorded once");
        }
        Prompt prompt = pack.prompt(promptName)
                .orElseThrow(() -> new PromptNotFoundException(pack.id(), promptName, pack.prompts().keySet()));
        ProviderOptions asked = options.provider();
        ToolOptions tools = options.tools();
        Provider provider = ProviderDetection.fromEnvironment().provider(asked);
        StateStore store = Objects.requireNonNullElseGet(options.state().store(), InMemoryStateStore::new);
        String model = asked.model() != null ? asked.model() : provider.defaultModel();
        PendingStore pending = Objects.requireNonNullElseGet(options.state().pendingStore(), InMemoryPendingStore::new);
        ToolCallRunner toolRunner = new ToolCallRunner(tools.timeout(), tools.maxParallel());
        McpServers ownedMcp = tools.mcpServerConfigs().isEmpty() ? null : new McpServers(tools.mcpServerConfigs());
        McpServers mcp = ownedMcp != null ? ownedMcp : tools.mcpServers();
        TurnPreparer preparer = new TurnPreparer(pack, promptName, prompt, model, new TurnPreparer.Settings(store,
                pending, options.pipeline().variableProviders(), asked.parameters(), asked.responseFormat(), mcp,
                options.context().budgeted() ? contextBudget(options.context(), provider, model) : null));
        PipelineBuilder stages = new PipelineBuilder()
                .chain(new ProviderStage(provider, CostCalculator.forProvider(provider, asked.pricing()),
                                asked.idleTimeout(), asked.metadata(), toolRunner),
                        new StateSaveStage(new TurnCommit(store, pending), turn -> StoredMetadata.of(turn.pack().id(),
                                turn.promptName(), turn.requestedVariables())));
        ValidationStages.install(stages, pack, promptName, options);
        MediaStages.install(stages, prompt, options);
        options.pipeline().stages().forEach(custom -> custom.getValue().apply(stages, custom.getKey()));
        Pipeline pipeline = stages.build();
        return new ConversationSetup(pack, promptName, prompt, provider, model, store, pending, toolRunner, preparer,
                pipeline, options.pipeline().eventBus(), ownedMcp, null, options);
    }

    /** A recorder on the conversation's own bus when the options name an event store. */
    static EventRecorder recorder(ConversationOptions options, EventBus events) {
        EventStore store = options.pipeline().eventStore();
        if (store == null) {
            return null;
        }
        return EventRecorder.start(events, store, EventRecorder.Settings.DEFAULTS.withRedactor(
                SecretRedactor.of(options.provider().apiKey()).with(SecretRedactor.credentialValues(System.getenv()))));
    }

    private static ContextBudget contextBudget(ContextOptions options, Provider provider, String model) {
        int tokens = options.tokenBudget();
        return switch (options.truncation()) {
            case SLIDING -> ContextBudget.sliding(tokens);
            case SUMMARIZE -> ContextBudget.summarizing(tokens, options.summarizer() != null ? options.summarizer()
                    : new ProviderSummarizer(provider, model));
            case RELEVANCE -> ContextBudget.relevance(tokens, options.embeddingProvider(), options.relevance());
            case FAIL -> ContextBudget.failing(tokens);
        };
    }
}
