/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.sdk;

import dev.promptkit.context.Truncation;
import dev.promptkit.event.EventBus;
import dev.promptkit.media.ImagePreprocessConfig;
import dev.promptkit.media.VideoStreamConfig;
import dev.promptkit.pipeline.PlacedStage;
import dev.promptkit.pipeline.Stage;
import dev.promptkit.pipeline.StagePlacement;
import dev.promptkit.pipeline.VariableProvider;
import dev.promptkit.provider.Provider;
import dev.promptkit.recording.EventRecorder;
import dev.promptkit.recording.EventStore;
import dev.promptkit.recording.SessionRecording;
import dev.promptkit.speech.SttService;
import dev.promptkit.speech.TtsService;
import dev.promptkit.state.StateStore;
import dev.promptkit.tool.mcp.McpServerConfig;
import dev.promptkit.types.ReasoningSettings;
import dev.promptkit.types.ResponseFormat;
import dev.promptkit.validation.ValidatorRegistry;
import dev.promptkit.voice.TurnDetector;
import dev.promptkit.voice.TurnDetectorFactory;
import dev.promptkit.voice.VadModeConfig;
import java.util.Map;
import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * How a conversation is opened, in groups: the provider and how it is asked, where its state lives, what its turns
 * run through, its tools, validation, context budget, media and voice. Every option is optional: with none, a
 * conversation gets a generated id, private in-memory stores and the provider detected from the environment (the mock
 * provider when no API key is set). Immutable; build with {@link #builder()}, whose common options are one call each
 * and whose groups change with a function:
 *
 * <pre>{@code
 * ConversationOptions.builder().provider(openAi).stateStore(store).conversationId("user-42")
 *         .tools(tools -> tools.withTimeout(Duration.ofSeconds(5)).withMaxParallel(4))
 *         .validation(validation -> validation.withMode(ValidationMode.WARN))
 *         .build();
 * }</pre>
 *
 * @param provider which provider answers and how it is asked
 * @param state where the conversation's messages and held tool calls are stored, and its id
 * @param pipeline variables, custom stages and the event bus
 * @param tools tool handlers, timeouts, parallelism and MCP servers
 * @param validation the validators' policy and types, and the pack's schema check
 * @param context the token budget and how requests are cut to it
 * @param media how images and video frames are shrunk
 * @param voice how duplex conversations talk
 *
 * @since 0.1.0
 */
public record ConversationOptions(ProviderOptions provider, StateOptions state, PipelineOptions pipeline,
        ToolOptions tools, ValidationOptions validation, ContextOptions context, MediaOptions media,
        VoiceOptions voice) {

    private static final ConversationOptions DEFAULTS = builder().build();

    /** @throws IllegalStateException when {@link Truncation#RELEVANCE} is chosen without an embedding provider */
    public ConversationOptions {
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(pipeline, "pipeline");
        Objects.requireNonNull(tools, "tools");
        Objects.requireNonNull(validation, "validation");
        Objects.requireNonNull(context, "context");
        Objects.requireNonNull(media, "media");
        Objects.requireNonNull(voice, "voice");
        if (context.budgeted() && context.truncation() == Truncation.RELEVANCE && context.embeddingProvider() == null) {
            throw new IllegalStateException("Truncation RELEVANCE needs an embeddingProvider");
        }
    }

    /** Every group at its defaults. */
    public static ConversationOptions defaults() {
        return DEFAULTS;
    }

    public static Builder builder() {
        return new Builder(ProviderOptions.DEFAULTS, StateOptions.DEFAULTS, PipelineOptions.DEFAULTS,
                ToolOptions.DEFAULTS, ValidationOptions.DEFAULTS, ContextOptions.DEFAULTS, MediaOptions.DEFAULTS,
                VoiceOptions.DEFAULTS);
    }

    /** A builder holding these options, to derive a variant. */
    public Builder toBuilder() {
        return new Builder(provider, state, pipeline, tools, validation, context, media, voice);
    }

    /**
     * Builds {@link ConversationOptions}. Each group changes with a function of its current value
     * ({@code tools(tools -> tools.withTimeout(...))}), so that options set earlier, by the Spring starter's
     * properties for one, are kept; the common options have a method of their own.
     */
    public static final class Builder {

        private ProviderOptions provider;
        private StateOptions state;
        private PipelineOptions pipeline;
        private ToolOptions tools;
        private ValidationOptions validation;
        private ContextOptions context;
        private MediaOptions media;
        private VoiceOptions voice;

        private Builder(ProviderOptions provider, StateOptions state, PipelineOptions pipeline, ToolOptions tools,
                ValidationOptions validation, ContextOptions context, MediaOptions media, VoiceOptions voice) {
            this.provider = provider;
            this.state = state;
            this.pipeline = pipeline;
            this.tools = tools;
            this.validation = validation;
            this.context = context;
            this.media = media;
            this.voice = voice;
        }

        /** Changes the provider options: {@code provider(provider -> provider.withIdleTimeout(...))}. */
        public Builder provider(UnaryOperator<ProviderOptions> change) {
            this.provider = Objects.requireNonNull(change.apply(provider), "provider options");
            return this;
        }

        /** Changes the state options: {@code state(state -> state.withPendingStore(...))}. */
        public Builder state(UnaryOperator<StateOptions> change) {
            this.state = Objects.requireNonNull(change.apply(state), "state options");
            return this;
        }

        /** Changes the pipeline options: {@code pipeline(pipeline -> pipeline.withVariable(...))}. */
        public Builder pipeline(UnaryOperator<PipelineOptions> change) {
            this.pipeline = Objects.requireNonNull(change.apply(pipeline), "pipeline options");
            return this;
        }

        /** Changes the tool options: {@code tools(tools -> tools.withTimeout(...))}. */
        public Builder tools(UnaryOperator<ToolOptions> change) {
            this.tools = Objects.requireNonNull(change.apply(tools), "tool options");
            return this;
        }

        /** Changes the validation options: {@code validation(validation -> validation.withMode(...))}. */
        public Builder validation(UnaryOperator<ValidationOptions> change) {
            this.validation = Objects.requireNonNull(change.apply(validation), "validation options");
            return this;
        }

        /** Changes the context options: {@code context(context -> context.withTruncation(...))}. */
        public Builder context(UnaryOperator<ContextOptions> change) {
            this.context = Objects.requireNonNull(change.apply(context), "context options");
            return this;
        }

        /** Changes the media options: {@code media(media -> media.withStreamingVideo(...))}. */
        public Builder media(UnaryOperator<MediaOptions> change) {
            this.media = Objects.requireNonNull(change.apply(media), "media options");
            return this;
        }

        /** Changes the voice options: {@code voice(voice -> voice.withDuplex(...))}. */
        public Builder voice(UnaryOperator<VoiceOptions> change) {
            this.voice = Objects.requireNonNull(change.apply(voice), "voice options");
            return this;
        }

        /** The provider to use, instead of detecting one from the environment. */
        public Builder provider(Provider instance) {
            return provider(options -> options.withInstance(instance));
        }

        /** The model to ask for, overriding the provider's default. */
        public Builder model(String model) {
            return provider(options -> options.withModel(model));
        }

        /** The API key for the provider detected from the model name (OpenAI when the model says nothing). */
        public Builder apiKey(String apiKey) {
            return provider(options -> options.withApiKey(OptionValues.text(apiKey, "apiKey")));
        }

        public Builder temperature(double temperature) {
            return provider(options -> options.withTemperature(temperature));
        }

        public Builder maxTokens(int maxTokens) {
            return provider(options -> options.withMaxTokens(maxTokens));
        }

        /**
         * Asks a reasoning model to think: {@code ReasoningSettings.budget(4096)} turns on Claude extended thinking
         * or sets Gemini's thinking budget, {@code ReasoningSettings.effort("high")} sets OpenAI's reasoning effort;
         * {@code .withSummaries()} asks for the reasoning as text, streamed as {@code REASONING} chunks.
         */
        public Builder reasoning(ReasoningSettings settings) {
            return provider(options -> options.withReasoning(settings));
        }

        public Builder responseFormat(ResponseFormat format) {
            return provider(options -> options.withResponseFormat(format));
        }

        /** Asks the model for a JSON object answer. */
        public Builder jsonMode() {
            return responseFormat(ResponseFormat.JSON_OBJECT);
        }

        /** Where the conversation's messages are stored; required by {@code resume}. */
        public Builder stateStore(StateStore store) {
            return state(options -> options.withStore(store));
        }

        /** The conversation's id, instead of a generated one (for example a user or session id). */
        public Builder conversationId(String conversationId) {
            return state(options -> options.withConversationId(conversationId));
        }

        /** A template variable; these lie over the pack's defaults and under {@code setVar}. */
        public Builder variable(String name, String value) {
            return pipeline(options -> options.withVariable(name, value));
        }

        public Builder variables(Map<String, String> values) {
            values.forEach(this::variable);
            return this;
        }

        /** A source of variables asked afresh every turn; its values win over every other source. */
        public Builder variableProvider(VariableProvider variableProvider) {
            return pipeline(options -> options.withVariableProvider(variableProvider));
        }

        /** A custom stage in the conversation's pipeline, placed before or after a built-in stage. */
        public Builder stage(Stage stage, StagePlacement placement) {
            return pipeline(options -> options.withStage(stage, placement));
        }

        /** A custom stage where it says ({@link PlacedStage}), else right after the provider. */
        public Builder stage(Stage stage) {
            return pipeline(options -> options.withStage(stage));
        }

        /** A bus shared by every conversation opened with these options (for application-wide listeners). */
        public Builder eventBus(EventBus bus) {
            return pipeline(options -> options.withEventBus(bus));
        }

        /**
         * Records every event of the conversation (and of its forks) into {@code store}, off the response path, as
         * the seed's {@code WithEventStore}; {@link SessionRecording#load} reads it back for export or replay. With a
         * shared {@link #eventBus}, start one {@link EventRecorder} on that bus instead.
         */
        public Builder eventStore(EventStore store) {
            return pipeline(options -> options.withEventStore(store));
        }

        /**
         * An MCP server the conversation starts on first use and stops when closed, as the seed's
         * {@code WithMCP(name, command, args...)}: {@code mcpServer(McpServerConfig.of("fs",
         * McpTransportConfig.stdio("npx", "-y", "@modelcontextprotocol/server-filesystem", "/data")))}.
         */
        public Builder mcpServer(McpServerConfig config) {
            return tools(options -> options.withMcpServer(config));
        }

        /** The validator types packs may name, with types of your own; default {@link ValidatorRegistry#standard()}. */
        public Builder validatorRegistry(ValidatorRegistry registry) {
            return validation(options -> options.withRegistry(registry));
        }

        /**
         * Fits every request into {@code maxTokens}, answer included, by the {@link #truncation} strategy (the sliding
         * window unless another is set). Only what is sent is cut: the stored history stays complete.
         */
        public Builder tokenBudget(int maxTokens) {
            return context(options -> options.withTokenBudget(maxTokens));
        }

        /** What is done when a request does not fit the {@link #tokenBudget}; {@link Truncation#SLIDING} by default. */
        public Builder truncation(Truncation strategy) {
            return context(options -> options.withTruncation(strategy));
        }

        /** Shrinks the images of each message that are over the {@code config} limits before they are sent. */
        public Builder imagePreprocessing(ImagePreprocessConfig config) {
            return media(options -> options.withImagePreprocessing(config));
        }

        /** Shrinks images to fit {@code width}×{@code height} pixels (the seed's {@code WithAutoResize}). */
        public Builder autoResize(int width, int height) {
            return media(options -> options.withAutoResize(width, height));
        }

        /** Thins and shrinks the video frames a duplex conversation sends (see {@link MediaOptions}). */
        public Builder streamingVideo(VideoStreamConfig config) {
            return media(options -> options.withStreamingVideo(config));
        }

        /** How a duplex conversation's session is set up; {@link DuplexOptions#DEFAULTS} by default. */
        public Builder duplex(DuplexOptions options) {
            return voice(voiceOptions -> voiceOptions.withDuplex(options));
        }

        /**
         * Opens duplex conversations in VAD mode, on any text provider: the user's audio is split into turns by voice
         * activity detection ({@code config}), each turn transcribed by {@code stt} and answered by a text turn of the
         * conversation (stored, with its tools, validators and events, like any turn), and the answer spoken by
         * {@code tts} sentence by sentence. Without it, {@code openDuplex} needs a provider with a realtime session
         * (ASM mode). The services stay the caller's to close; see {@link VadMode}.
         */
        public Builder vadMode(VadModeConfig config, SttService stt, TtsService tts) {
            return voice(options -> options.withVadMode(new VadMode(config, stt, tts)));
        }

        /**
         * How VAD mode finds the user's turns: {@code factory} makes each session's {@link TurnDetector}
         * ({@code MyDetector::new}); {@link TurnDetectorFactory#SILENCE}, the energy-based detector, by default.
         */
        public Builder turnDetector(TurnDetectorFactory factory) {
            return voice(options -> options.withTurnDetectors(factory));
        }

        /**
         * Speaks the answers of text turns: {@code stream} also yields {@link StreamChunk.Type#AUDIO} chunks, each
         * sentence synthesised by {@code tts} in the voice {@code "alloy"} at normal speed while the text streams (see
         * {@link SpokenAnswers}). The service stays the caller's to close.
         */
        public Builder tts(TtsService tts) {
            return tts(tts, VadModeConfig.DEFAULTS.voice(), VadModeConfig.DEFAULTS.speed());
        }

        /** As {@link #tts(TtsService)}, in {@code voice} at {@code speed} (1.0 for normal speed). */
        public Builder tts(TtsService tts, String voice, double speed) {
            return voice(options -> options.withSpokenAnswers(new SpokenAnswers(tts, voice, speed)));
        }

        /** @throws IllegalStateException when {@link Truncation#RELEVANCE} is chosen without an embedding provider */
        public ConversationOptions build() {
            return new ConversationOptions(provider, state, pipeline, tools, validation, context, media, voice);
        }
    }
}
