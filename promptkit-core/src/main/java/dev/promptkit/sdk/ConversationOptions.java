/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.sdk;

import dev.promptkit.event.EventBus;
import dev.promptkit.context.ContextBudget;
import dev.promptkit.context.RelevanceConfig;
import dev.promptkit.context.Summarizer;
import dev.promptkit.context.Truncation;
import dev.promptkit.context.embedding.EmbeddingProvider;
import dev.promptkit.media.ImagePreprocessConfig;
import dev.promptkit.media.VideoStreamConfig;
import dev.promptkit.pipeline.PlacedStage;
import dev.promptkit.pipeline.Stage;
import dev.promptkit.pipeline.StagePlacement;
import dev.promptkit.pipeline.VariableProvider;
import dev.promptkit.provider.ModelParameters;
import dev.promptkit.provider.ModelPricing;
import dev.promptkit.provider.Provider;
import dev.promptkit.provider.ResponseFormat;
import dev.promptkit.state.StateStore;
import dev.promptkit.tool.BlockingToolThreads;
import dev.promptkit.tool.PendingStore;
import dev.promptkit.tool.ToolBinding;
import dev.promptkit.tool.ToolBindingLookup;
import dev.promptkit.tool.ToolCallRunner;
import dev.promptkit.tool.mcp.McpServerConfig;
import dev.promptkit.tool.mcp.McpServers;
import dev.promptkit.validation.ValidationMode;
import dev.promptkit.validation.ValidationPolicy;
import dev.promptkit.validation.ValidatorRegistry;
import dev.promptkit.voice.SttService;
import dev.promptkit.voice.TtsService;
import dev.promptkit.voice.VadModeConfig;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * How a conversation is opened: which provider and model, where its state lives, its id, initial
 * variables, parameter overrides and prices. Immutable; build with {@link #builder()}. Every option
 * is optional: with none, a conversation gets a generated id, a private in-memory state store and
 * the provider detected from the environment (the mock provider when no API key is set).
 *
 * @since 0.1.0
 */
public final class ConversationOptions {

    /** The default longest wait for the provider's next chunk. */
    public static final Duration DEFAULT_IDLE_TIMEOUT = Duration.ofSeconds(30);

    private static final ConversationOptions DEFAULTS = builder().build();

    private final String model;
    private final Provider provider;
    private final StateStore stateStore;
    private final String conversationId;
    private final Map<String, String> variables;
    private final List<VariableProvider> variableProviders;
    private final List<Map.Entry<Stage, StagePlacement>> stages;
    private final ModelParameters parameters;
    private final ResponseFormat responseFormat;
    private final Map<String, ModelPricing> pricing;
    private final Duration idleTimeout;
    private final boolean skipSchemaValidation;
    private final Map<String, Object> providerMetadata;
    private final Map<String, ToolBinding> toolBindings;
    private final PendingStore pendingStore;
    private final Duration toolTimeout;
    private final int maxParallelToolCalls;
    private final BlockingToolThreads blockingToolThreads;
    private final String apiKey;
    private final boolean mockFallback;
    private final EventBus eventBus;
    private final ToolBindingLookup sharedTools;
    private final McpServers mcpServers;
    private final List<McpServerConfig> mcpServerConfigs;
    private final ValidationPolicy validationPolicy;
    private final ValidatorRegistry validatorRegistry;
    private final int tokenBudget;
    private final Truncation truncation;
    private final RelevanceConfig relevance;
    private final Summarizer summarizer;
    private final EmbeddingProvider embeddingProvider;

    // Media
    private final ImagePreprocessConfig imagePreprocessing;
    private final VideoStreamConfig streamingVideo;

    // Voice
    private final DuplexOptions duplex;
    private final VadMode vadMode;

    private ConversationOptions(Builder builder) {
        this.model = builder.model;
        this.provider = builder.provider;
        this.stateStore = builder.stateStore;
        this.conversationId = builder.conversationId;
        this.variables = Map.copyOf(builder.variables);
        this.variableProviders = List.copyOf(builder.variableProviders);
        this.stages = List.copyOf(builder.stages);
        this.parameters = builder.parameters;
        this.responseFormat = builder.responseFormat;
        this.pricing = Map.copyOf(builder.pricing);
        this.idleTimeout = builder.idleTimeout;
        this.skipSchemaValidation = builder.skipSchemaValidation;
        this.providerMetadata = Map.copyOf(builder.providerMetadata);
        this.toolBindings = Map.copyOf(builder.toolBindings);
        this.pendingStore = builder.pendingStore;
        this.toolTimeout = builder.toolTimeout;
        this.maxParallelToolCalls = builder.maxParallelToolCalls;
        this.blockingToolThreads = builder.blockingToolThreads;
        this.apiKey = builder.apiKey;
        this.mockFallback = builder.mockFallback;
        this.eventBus = builder.eventBus;
        this.sharedTools = builder.sharedTools;
        this.mcpServers = builder.mcpServers;
        this.mcpServerConfigs = List.copyOf(builder.mcpServerConfigs);
        this.validationPolicy = new ValidationPolicy(builder.validationMode, builder.strictValidation,
                builder.disabledValidators);
        this.validatorRegistry = builder.validatorRegistry;
        this.tokenBudget = builder.tokenBudget;
        this.truncation = builder.truncation;
        this.relevance = builder.relevance;
        this.summarizer = builder.summarizer;
        this.embeddingProvider = builder.embeddingProvider;
        // Media
        this.imagePreprocessing = builder.imagePreprocessing;
        this.streamingVideo = builder.streamingVideo;
        // Voice
        this.duplex = builder.duplex;
        this.vadMode = builder.vadMode;
    }

    public static ConversationOptions defaults() {
        return DEFAULTS;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding these options, to derive a variant. */
    public Builder toBuilder() {
        Builder builder = new Builder();
        builder.model = model;
        builder.provider = provider;
        builder.stateStore = stateStore;
        builder.conversationId = conversationId;
        builder.variables.putAll(variables);
        builder.variableProviders.addAll(variableProviders);
        builder.stages.addAll(stages);
        builder.parameters = parameters;
        builder.responseFormat = responseFormat;
        builder.pricing.putAll(pricing);
        builder.idleTimeout = idleTimeout;
        builder.skipSchemaValidation = skipSchemaValidation;
        builder.providerMetadata.putAll(providerMetadata);
        builder.toolBindings.putAll(toolBindings);
        builder.pendingStore = pendingStore;
        builder.toolTimeout = toolTimeout;
        builder.maxParallelToolCalls = maxParallelToolCalls;
        builder.blockingToolThreads = blockingToolThreads;
        builder.apiKey = apiKey;
        builder.mockFallback = mockFallback;
        builder.eventBus = eventBus;
        builder.sharedTools = sharedTools;
        builder.mcpServers = mcpServers;
        builder.mcpServerConfigs.addAll(mcpServerConfigs);
        builder.validationMode = validationPolicy.mode();
        builder.strictValidation = validationPolicy.strict();
        builder.disabledValidators.addAll(validationPolicy.disabledTypes());
        builder.validatorRegistry = validatorRegistry;
        builder.tokenBudget = tokenBudget;
        builder.truncation = truncation;
        builder.relevance = relevance;
        builder.summarizer = summarizer;
        builder.embeddingProvider = embeddingProvider;
        // Media
        builder.imagePreprocessing = imagePreprocessing;
        builder.streamingVideo = streamingVideo;
        // Voice
        builder.duplex = duplex;
        builder.vadMode = vadMode;
        return builder;
    }

    public String model() {
        return model;
    }

    public Provider provider() {
        return provider;
    }

    public StateStore stateStore() {
        return stateStore;
    }

    public String conversationId() {
        return conversationId;
    }

    public Map<String, String> variables() {
        return variables;
    }

    public List<VariableProvider> variableProviders() {
        return variableProviders;
    }

    /** Custom stages and where each goes, in the order they were added. */
    public List<Map.Entry<Stage, StagePlacement>> stages() {
        return stages;
    }

    public ModelParameters parameters() {
        return parameters;
    }

    public ResponseFormat responseFormat() {
        return responseFormat;
    }

    public Map<String, ModelPricing> pricing() {
        return pricing;
    }

    public Duration idleTimeout() {
        return idleTimeout;
    }

    public boolean skipSchemaValidation() {
        return skipSchemaValidation;
    }

    public Map<String, Object> providerMetadata() {
        return providerMetadata;
    }

    /** Tool handlers every conversation opened with these options starts with. */
    public Map<String, ToolBinding> toolBindings() {
        return toolBindings;
    }

    /** Where calls held for approval wait; {@code null} for a private in-memory store. */
    public PendingStore pendingStore() {
        return pendingStore;
    }

    public Duration toolTimeout() {
        return toolTimeout;
    }

    public int maxParallelToolCalls() {
        return maxParallelToolCalls;
    }

    /** Where {@code onTool} handlers (which may block) run; {@link BlockingToolThreads#shared()} unless set. */
    public BlockingToolThreads blockingToolThreads() {
        return blockingToolThreads != null ? blockingToolThreads : BlockingToolThreads.shared();
    }

    /** The API key for a detected provider, or {@code null} to read it from the environment. */
    public String apiKey() {
        return apiKey;
    }

    /** Whether the mock provider serves when no provider is configured or detected (default true). */
    public boolean mockFallback() {
        return mockFallback;
    }

    /** The bus every conversation opened with these options publishes to; {@code null} for one per conversation. */
    public EventBus eventBus() {
        return eventBus;
    }

    /** Handlers looked up at call time for tools a conversation has not bound itself. */
    public ToolBindingLookup sharedTools() {
        return sharedTools;
    }

    /** MCP servers shared with other conversations (started and stopped by their owner), or {@code null}. */
    public McpServers mcpServers() {
        return mcpServers;
    }

    /** MCP servers this conversation starts on first use and stops when it is closed. */
    public List<McpServerConfig> mcpServerConfigs() {
        return mcpServerConfigs;
    }

    /** How the pack's validators apply: the mode, strict validation and the types switched off. */
    public ValidationPolicy validationPolicy() {
        return validationPolicy;
    }

    /** The validator types packs may name; {@code null} for {@link ValidatorRegistry#standard()}. */
    public ValidatorRegistry validatorRegistry() {
        return validatorRegistry;
    }

    /** The token budget of each request; 0 for none. */
    public int tokenBudget() {
        return tokenBudget;
    }

    /** What is done when a request does not fit the {@link #tokenBudget()}. */
    public Truncation truncation() {
        return truncation;
    }

    /** How {@link Truncation#RELEVANCE} chooses older messages. */
    public RelevanceConfig relevance() {
        return relevance;
    }

    /** Who writes summaries for {@link Truncation#SUMMARIZE}; {@code null} for the conversation's own provider. */
    public Summarizer summarizer() {
        return summarizer;
    }

    /** The embeddings {@link Truncation#RELEVANCE} compares messages with. */
    public EmbeddingProvider embeddingProvider() {
        return embeddingProvider;
    }

    // Media

    /** How images are shrunk before they are sent; {@code null} when they are sent as they are. */
    public ImagePreprocessConfig imagePreprocessing() {
        return imagePreprocessing;
    }

    /** How the video frames sent into a duplex session are thinned and shrunk; {@code null} when they go as they are. */
    public VideoStreamConfig streamingVideo() {
        return streamingVideo;
    }

    // Voice

    /** How duplex conversations opened with these options set up their session. */
    public DuplexOptions duplex() {
        return duplex;
    }

    /** VAD mode of duplex conversations, or {@code null} for ASM mode (a provider's realtime session). */
    public VadMode vadMode() {
        return vadMode;
    }

    @Override
    public String toString() {
        return "ConversationOptions[model=" + model + ", provider=" + (provider == null ? "detected" : provider.name())
                + ", apiKey=" + (apiKey == null ? "none" : "******") + ", conversationId=" + conversationId
                + ", variables=" + variables.keySet() + ", idleTimeout=" + idleTimeout
                + (tokenBudget > 0 ? ", tokenBudget=" + tokenBudget + " (" + truncation + ")" : "") + "]";
    }

    /** Builds {@link ConversationOptions}. */
    public static final class Builder {

        private String model;
        private Provider provider;
        private StateStore stateStore;
        private String conversationId;
        private final Map<String, String> variables = new LinkedHashMap<>();
        private final List<VariableProvider> variableProviders = new ArrayList<>();
        private final List<Map.Entry<Stage, StagePlacement>> stages = new ArrayList<>();
        private ModelParameters parameters = ModelParameters.DEFAULTS;
        private ResponseFormat responseFormat;
        private final Map<String, ModelPricing> pricing = new LinkedHashMap<>();
        private Duration idleTimeout = DEFAULT_IDLE_TIMEOUT;
        private boolean skipSchemaValidation;
        private final Map<String, Object> providerMetadata = new LinkedHashMap<>();
        private final Map<String, ToolBinding> toolBindings = new LinkedHashMap<>();
        private PendingStore pendingStore;
        private Duration toolTimeout = ToolCallRunner.DEFAULT_TIMEOUT;
        private int maxParallelToolCalls = ToolCallRunner.DEFAULT_MAX_PARALLEL;
        private BlockingToolThreads blockingToolThreads;
        private String apiKey;
        private boolean mockFallback = true;
        private EventBus eventBus;
        private ToolBindingLookup sharedTools = ToolBindingLookup.NONE;
        private McpServers mcpServers;
        private final List<McpServerConfig> mcpServerConfigs = new ArrayList<>();
        private ValidationMode validationMode = ValidationMode.ERROR;
        private boolean strictValidation;
        private final Set<String> disabledValidators = new LinkedHashSet<>();
        private ValidatorRegistry validatorRegistry;
        private int tokenBudget;
        private Truncation truncation = Truncation.SLIDING;
        private RelevanceConfig relevance = RelevanceConfig.DEFAULTS;
        private Summarizer summarizer;
        private EmbeddingProvider embeddingProvider;
        // Media
        private ImagePreprocessConfig imagePreprocessing;
        private VideoStreamConfig streamingVideo;
        // Voice
        private DuplexOptions duplex = DuplexOptions.DEFAULTS;
        private VadMode vadMode;

        private Builder() {
        }

        /** The model to ask for, overriding the provider's default. */
        public Builder model(String model) {
            this.model = model;
            return this;
        }

        /** The provider to use, instead of detecting one from the environment. */
        public Builder provider(Provider provider) {
            this.provider = provider;
            return this;
        }

        /** The API key for the provider detected from the model name (OpenAI when the model says nothing). */
        public Builder apiKey(String apiKey) {
            this.apiKey = requireText(apiKey, "apiKey");
            return this;
        }

        /** Fails with {@link ProviderNotDetectedException} instead of using the mock provider when none is found. */
        public Builder disableMockFallback() {
            this.mockFallback = false;
            return this;
        }

        /** A bus shared by every conversation opened with these options (for application-wide listeners). */
        public Builder eventBus(EventBus bus) {
            this.eventBus = bus;
            return this;
        }

        /** Where the conversation's messages are stored; required by {@code resume}. */
        public Builder stateStore(StateStore stateStore) {
            this.stateStore = stateStore;
            return this;
        }

        /** The conversation's id, instead of a generated one (for example a user or session id). */
        public Builder conversationId(String conversationId) {
            this.conversationId = requireText(conversationId, "conversationId");
            return this;
        }

        /** A template variable; these lie over the pack's defaults and under {@code setVar}. */
        public Builder variable(String name, String value) {
            variables.put(requireText(name, "variable name"), Objects.requireNonNull(value, "variable value"));
            return this;
        }

        public Builder variables(Map<String, String> values) {
            values.forEach(this::variable);
            return this;
        }

        /** A source of variables asked afresh every turn; its values win over every other source. */
        public Builder variableProvider(VariableProvider variableProvider) {
            variableProviders.add(Objects.requireNonNull(variableProvider, "variableProvider"));
            return this;
        }

        /** A custom stage in the conversation's pipeline, placed before or after a built-in stage. */
        public Builder stage(Stage stage, StagePlacement placement) {
            stages.add(Map.entry(Objects.requireNonNull(stage, "stage"), Objects.requireNonNull(placement, "placement")));
            return this;
        }

        /** A custom stage right after the provider (see {@link StagePlacement#DEFAULT}). */
        public Builder stage(Stage stage) {
            return stage(stage, stage instanceof PlacedStage placed ? placed.placement() : StagePlacement.DEFAULT);
        }

        /** Parameters laid over the pack's (non-null values win). */
        public Builder parameters(ModelParameters overrides) {
            this.parameters = Objects.requireNonNull(overrides, "parameters");
            return this;
        }

        public Builder temperature(double temperature) {
            return parameters(parameters.overriddenBy(new ModelParameters(temperature, null, null, null, null, null, null)));
        }

        public Builder maxTokens(int maxTokens) {
            return parameters(parameters.overriddenBy(new ModelParameters(null, maxTokens, null, null, null, null, null)));
        }

        public Builder responseFormat(ResponseFormat format) {
            this.responseFormat = format;
            return this;
        }

        /** Asks the model for a JSON object answer. */
        public Builder jsonMode() {
            return responseFormat(ResponseFormat.JSON_OBJECT);
        }

        /** The price of a model, overriding the provider's built-in table. */
        public Builder pricing(String model, ModelPricing price) {
            pricing.put(requireText(model, "model"), Objects.requireNonNull(price, "price"));
            return this;
        }

        /** The longest wait for the provider's next chunk before the turn fails; {@link Duration#ZERO} for none. */
        public Builder idleTimeout(Duration idleTimeout) {
            if (idleTimeout.isNegative()) {
                throw new IllegalArgumentException("idleTimeout must not be negative");
            }
            this.idleTimeout = idleTimeout;
            return this;
        }

        /** Loads the pack without checking it against the PromptPack JSON Schema. */
        public Builder skipSchemaValidation() {
            this.skipSchemaValidation = true;
            return this;
        }

        /** A value passed to the provider with every request (for example {@code mock_scenario_id}). */
        public Builder providerMetadata(String key, Object value) {
            providerMetadata.put(requireText(key, "metadata key"), Objects.requireNonNull(value, "metadata value"));
            return this;
        }

        /** A tool handler every conversation starts with (the Spring starter adds {@code @PromptTool} methods here). */
        public Builder toolBinding(String toolName, ToolBinding binding) {
            toolBindings.put(requireText(toolName, "tool name"), Objects.requireNonNull(binding, "binding"));
            return this;
        }

        /** Handlers shared by every conversation, looked up at call time (the Spring starter's {@code @PromptTool} methods). */
        public Builder sharedTools(ToolBindingLookup lookup) {
            this.sharedTools = Objects.requireNonNull(lookup, "lookup");
            return this;
        }

        /**
         * MCP servers whose tools prompts may offer ({@code mcp__<server>__<tool>} in a prompt's tools); shared,
         * so their owner starts and stops them.
         */
        public Builder mcpServers(McpServers servers) {
            this.mcpServers = servers;
            return this;
        }

        /**
         * An MCP server this conversation starts on first use and stops when closed, as the seed's
         * {@code WithMCP(name, command, args...)}: {@code mcpServer(McpServerConfig.of("fs",
         * McpTransportConfig.stdio("npx", "-y", "@modelcontextprotocol/server-filesystem", "/data")))}.
         */
        public Builder mcpServer(McpServerConfig config) {
            mcpServerConfigs.add(Objects.requireNonNull(config, "config"));
            return this;
        }

        /** Where calls held for approval wait; share one store so another instance can approve. */
        public Builder pendingStore(PendingStore store) {
            this.pendingStore = store;
            return this;
        }

        /** The longest a tool call may take before it fails with a timeout error. */
        public Builder toolTimeout(Duration timeout) {
            if (timeout.isNegative() || timeout.isZero()) {
                throw new IllegalArgumentException("toolTimeout must be positive");
            }
            this.toolTimeout = timeout;
            return this;
        }

        /** How many tool calls of one round run at the same time. */
        public Builder maxParallelToolCalls(int max) {
            if (max < 1) {
                throw new IllegalArgumentException("maxParallelToolCalls must be at least 1, was " + max);
            }
            this.maxParallelToolCalls = max;
            return this;
        }

        /**
         * Where {@code onTool} handlers run: they may block, so never on an event loop. By default
         * {@link BlockingToolThreads#shared()}: virtual threads from Java 24, else a pool of platform threads sized for
         * I/O-bound work.
         */
        public Builder blockingToolThreads(BlockingToolThreads threads) {
            this.blockingToolThreads = Objects.requireNonNull(threads, "threads");
            return this;
        }

        /**
         * What validator failures do: {@link ValidationMode#ERROR} (the default) fails the turn for validators with
         * {@code fail_on_violation: true}, {@link ValidationMode#WARN} only records, {@link ValidationMode#DISABLED}
         * runs no validators.
         */
        public Builder validationMode(ValidationMode mode) {
            this.validationMode = Objects.requireNonNull(mode, "mode");
            return this;
        }

        /**
         * Every validator failure fails the turn (in {@link ValidationMode#ERROR}), whatever
         * {@code fail_on_violation} says.
         */
        public Builder strictValidation() {
            this.strictValidation = true;
            return this;
        }

        /** Switches off the pack's validators of these types, as the pack names them ({@code banned_words}, ...). */
        public Builder disabledValidators(String... types) {
            for (String type : types) {
                disabledValidators.add(requireText(type, "validator type"));
            }
            return this;
        }

        /** The validator types packs may name, with types of your own; default {@link ValidatorRegistry#standard()}. */
        public Builder validatorRegistry(ValidatorRegistry registry) {
            this.validatorRegistry = Objects.requireNonNull(registry, "registry");
            return this;
        }

        /**
         * Fits every request into {@code maxTokens}, answer included (see {@link ContextBudget}), by the
         * {@link #truncation} strategy, the sliding window unless another is set. Only what is sent is cut: the
         * stored history stays complete.
         */
        public Builder tokenBudget(int maxTokens) {
            if (maxTokens < 1) {
                throw new IllegalArgumentException("tokenBudget must be positive, was " + maxTokens);
            }
            this.tokenBudget = maxTokens;
            return this;
        }

        /** What is done when a request does not fit the {@link #tokenBudget}; {@link Truncation#SLIDING} by default. */
        public Builder truncation(Truncation strategy) {
            this.truncation = Objects.requireNonNull(strategy, "truncation");
            return this;
        }

        /** How {@link Truncation#RELEVANCE} chooses older messages; {@link RelevanceConfig#DEFAULTS} by default. */
        public Builder relevance(RelevanceConfig config) {
            this.relevance = Objects.requireNonNull(config, "relevance");
            return this;
        }

        /**
         * Who writes summaries for {@link Truncation#SUMMARIZE}; by default a
         * {@link dev.promptkit.context.ProviderSummarizer} on the conversation's own provider and model.
         */
        public Builder summarizer(Summarizer summarizer) {
            this.summarizer = Objects.requireNonNull(summarizer, "summarizer");
            return this;
        }

        /** The embeddings {@link Truncation#RELEVANCE} compares messages with; required by that strategy. */
        public Builder embeddingProvider(EmbeddingProvider embeddings) {
            this.embeddingProvider = Objects.requireNonNull(embeddings, "embeddingProvider");
            return this;
        }

        // Media

        /**
         * Shrinks the images of each message before they are sent (the seed's {@code WithImagePreprocessing}): those
         * over the {@code config} limits are scaled down and re-encoded in the {@code image_preprocess} stage, the
         * others are sent byte for byte. The stored history keeps the shrunk image, not the original: it is what the
         * model saw, and it takes less space in the state store.
         */
        public Builder imagePreprocessing(ImagePreprocessConfig config) {
            this.imagePreprocessing = Objects.requireNonNull(config, "imagePreprocessing");
            return this;
        }

        /**
         * Shrinks images to fit {@code width}×{@code height} pixels, aspect ratio kept, with the other
         * {@link ImagePreprocessConfig#DEFAULTS} (the seed's {@code WithAutoResize}); see {@link #imagePreprocessing}.
         */
        public Builder autoResize(int width, int height) {
            if (width < 1 || height < 1) {
                throw new IllegalArgumentException("autoResize needs a positive width and height, was " + width + "x"
                        + height);
            }
            return imagePreprocessing(ImagePreprocessConfig.DEFAULTS.withMaxSize(width, height));
        }

        /**
         * Thins and shrinks the video frames a duplex conversation sends ({@code sendFrame}, image chunks of
         * {@code sendVideoChunk}) with a {@link dev.promptkit.media.FrameProcessor} of its own: frames that come
         * sooner than {@code config}'s frame rate allows are dropped (the call completes without sending them),
         * the others are resized to JPEG when over its size limits. Applies to ASM mode; VAD mode takes no frames.
         */
        public Builder streamingVideo(VideoStreamConfig config) {
            this.streamingVideo = Objects.requireNonNull(config, "streamingVideo");
            return this;
        }

        // Voice

        /** How a duplex conversation's session is set up; {@link DuplexOptions#DEFAULTS} by default. */
        public Builder duplex(DuplexOptions options) {
            this.duplex = Objects.requireNonNull(options, "duplex");
            return this;
        }

        /**
         * Opens duplex conversations in VAD mode, on any text provider: the user's audio is split into turns by
         * voice activity detection ({@code config}), each turn transcribed by {@code stt} and answered by a text
         * turn of the conversation (stored, with its tools, validators and events, like any turn), and the answer
         * spoken by {@code tts} sentence by sentence. Without it, {@code openDuplex} needs a provider with a
         * realtime session (ASM mode). The services stay the caller's to close; see {@link VadMode}.
         */
        public Builder vadMode(VadModeConfig config, SttService stt, TtsService tts) {
            this.vadMode = new VadMode(config, stt, tts);
            return this;
        }

        /** @throws IllegalStateException when {@link Truncation#RELEVANCE} is chosen without an embedding provider */
        public ConversationOptions build() {
            if (tokenBudget > 0 && truncation == Truncation.RELEVANCE && embeddingProvider == null) {
                throw new IllegalStateException("Truncation RELEVANCE needs an embeddingProvider");
            }
            return new ConversationOptions(this);
        }

        private static String requireText(String value, String what) {
            if (value == null || value.isBlank()) {
                throw new IllegalArgumentException(what + " must not be empty");
            }
            return value;
        }
    }
}
