/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.sdk;

import dev.promptkit.duplex.DuplexProvider;
import dev.promptkit.event.EventBus;
import dev.promptkit.context.ContextBudget;
import dev.promptkit.context.ProviderSummarizer;
import dev.promptkit.pack.Pack;
import dev.promptkit.pack.Prompt;
import dev.promptkit.pipeline.ContextBudgetStage;
import dev.promptkit.pipeline.Pipeline;
import dev.promptkit.pipeline.PipelineBuilder;
import dev.promptkit.pipeline.PromptAssemblyStage;
import dev.promptkit.pipeline.ProviderStage;
import dev.promptkit.pipeline.StateLoadStage;
import dev.promptkit.pipeline.StateSaveStage;
import dev.promptkit.pipeline.TemplateStage;
import dev.promptkit.pipeline.VariablesStage;
import dev.promptkit.provider.CostCalculator;
import dev.promptkit.provider.Provider;
import dev.promptkit.state.ConversationState;
import dev.promptkit.state.InMemoryStateStore;
import dev.promptkit.state.StateStore;
import dev.promptkit.tool.InMemoryPendingStore;
import dev.promptkit.tool.PendingStore;
import dev.promptkit.tool.ToolCallRunner;
import dev.promptkit.tool.ToolRegistry;
import dev.promptkit.tool.mcp.McpServers;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import reactor.core.publisher.Mono;

/** Opens and resumes conversations: resolves the prompt, provider and store, and builds the pipeline. */
final class ConversationFactory {

    private ConversationFactory() {
    }

    static Conversation open(Pack pack, String promptName, ConversationOptions options) {
        ConversationSetup setup = setup(pack, promptName, options);
        String id = options.conversationId() != null ? options.conversationId() : UUID.randomUUID().toString();
        return new Conversation(id, setup, options.variables(), toolRegistry(pack, options));
    }

    /**
     * Opens a duplex conversation: in VAD mode when the options set it, else in ASM mode, where the provider must be
     * a {@link DuplexProvider}. The session is open once the {@link Mono} emits.
     */
    static Mono<Conversation> openDuplex(Pack pack, String promptName, ConversationOptions options) {
        return Mono.defer(() -> {
            ConversationSetup setup = setup(pack, promptName, options);
            String id = options.conversationId() != null ? options.conversationId() : UUID.randomUUID().toString();
            ToolRegistry tools = toolRegistry(pack, options);
            VadMode vad = options.vadMode();
            Mono<Conversation> opened = vad != null
                    ? Mono.fromSupplier(() -> new Conversation(id, setup, options.variables(), tools,
                            textTurns -> DuplexConversationSession.openVad(setup, vad, textTurns)))
                    : Mono.fromCallable(() -> duplexProvider(setup))
                            .flatMap(provider -> DuplexConversationSession.openAsm(id, setup, tools,
                                    options.variables(), provider))
                            .map(session -> new Conversation(id, setup, options.variables(), tools,
                                    textTurns -> session));
            return opened.doOnError(failed -> {
                if (setup.ownedMcpServers() != null) {
                    setup.ownedMcpServers().close();
                }
            });
        });
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
        if (options.stateStore() == null) {
            return Mono.error(new NoStateStoreException());
        }
        ConversationSetup setup = setup(pack, promptName, options);
        return options.stateStore().load(conversationId)
                .switchIfEmpty(Mono.error(() -> new ConversationNotFoundException(conversationId)))
                .map(state -> new Conversation(conversationId, setup, restoredVariables(state, options),
                        toolRegistry(pack, options)));
    }

    /** The pack's tools bound to the handlers the options bring; fails on a handler for an unknown tool. */
    private static ToolRegistry toolRegistry(Pack pack, ConversationOptions options) {
        ToolRegistry registry = ToolRegistry.forPack(pack, options.sharedTools());
        options.toolBindings().forEach(registry::bind);
        return registry;
    }

    /** The stored variables, with the ones passed in the options laid over them. */
    private static Map<String, String> restoredVariables(ConversationState state, ConversationOptions options) {
        Map<String, String> variables = new HashMap<>(Conversation.variablesFromMetadata(state.metadata()));
        variables.putAll(options.variables());
        return variables;
    }

    private static ConversationSetup setup(Pack pack, String promptName, ConversationOptions options) {
        Prompt prompt = pack.prompt(promptName)
                .orElseThrow(() -> new PromptNotFoundException(pack.id(), promptName, pack.prompts().keySet()));
        Provider provider = ProviderDetection.fromEnvironment().provider(options);
        StateStore store = options.stateStore() != null ? options.stateStore() : new InMemoryStateStore();
        String model = options.model() != null ? options.model() : provider.defaultModel();
        PendingStore pending = options.pendingStore() != null ? options.pendingStore() : new InMemoryPendingStore();
        ToolCallRunner toolRunner = new ToolCallRunner(options.toolTimeout(), options.maxParallelToolCalls());
        McpServers ownedMcp = options.mcpServerConfigs().isEmpty() ? null : new McpServers(options.mcpServerConfigs());
        McpServers mcp = ownedMcp != null ? ownedMcp : options.mcpServers();
        PipelineBuilder stages = new PipelineBuilder()
                .chain(new StateLoadStage(store, pending),
                        new VariablesStage(options.variableProviders()),
                        new PromptAssemblyStage(options.parameters(), options.responseFormat(), mcp),
                        new TemplateStage(),
                        new ProviderStage(provider, CostCalculator.forProvider(provider, options.pricing()),
                                options.idleTimeout(), options.providerMetadata(), toolRunner),
                        new StateSaveStage(store, turn -> Conversation.storedMetadata(turn.pack().id(),
                                turn.promptName(), turn.requestedVariables())));
        if (options.tokenBudget() > 0) {
            stages.insertBefore(ProviderStage.NAME, new ContextBudgetStage(contextBudget(options, provider, model)));
        }
        ValidationStages.install(stages, pack, promptName, options);
        MediaStages.install(stages, prompt, options);
        options.stages().forEach(custom -> custom.getValue().apply(stages, custom.getKey()));
        Pipeline pipeline = stages.build();
        EventBus events = options.eventBus() != null ? options.eventBus() : EventBus.create();
        return new ConversationSetup(pack, promptName, prompt, provider, model, store, pending, toolRunner, pipeline,
                events, ownedMcp, options);
    }

    private static ContextBudget contextBudget(ConversationOptions options, Provider provider, String model) {
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
