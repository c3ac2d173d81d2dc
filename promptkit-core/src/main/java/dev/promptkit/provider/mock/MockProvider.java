/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.provider.mock;

import dev.promptkit.duplex.DuplexSession;
import dev.promptkit.duplex.DuplexSessionConfig;
import dev.promptkit.provider.AnswerLimits;
import dev.promptkit.provider.DuplexProvider;
import dev.promptkit.provider.ModelPricing;
import dev.promptkit.provider.PricingTable;
import dev.promptkit.provider.Provider;
import dev.promptkit.provider.ProviderChunk;
import dev.promptkit.provider.ProviderException;
import dev.promptkit.provider.ProviderRequest;
import dev.promptkit.tokens.CharacterRatioTokenCounter;
import dev.promptkit.tokens.TokenCounter;
import dev.promptkit.types.ContentPart;
import dev.promptkit.types.Message;
import dev.promptkit.types.TokenUsage;
import dev.promptkit.types.ToolCall;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * An in-process provider that answers from a {@link MockScript}: no network, no keys, deterministic. It is
 * the default provider when no real one is configured, and the provider for tests and benchmarks.
 *
 * <p>Each call looks its answer up with {@link MockScript#find} (scenario turn, scenario default, rule, turn,
 * global default), falling back to {@code "Mock response from <name> (<model>)"}. It streams the answer's
 * text in chunks of {@link Builder#chunkSize} characters, then one chunk per scripted tool call (id
 * {@code call_<i>_<name>}), then the finish chunk: reason {@code tool_calls} or {@code stop}, with usage
 * estimated by the {@link TokenCounter} (input: the system prompt and every request message; output: the
 * text and the tool-call arguments). Unlike the Go original, no minimum token counts are applied.
 *
 * <p>Without delays the stream is synchronous: it emits on the subscribing thread as demand arrives. With
 * delays it waits on Reactor's timer, and cancelling stops it. One instance serves any number of
 * conversations at once.
 *
 * <p>A script that drives a tool round without request metadata (turn N is the Nth call of a conversation,
 * see {@link MockScript#find}):
 *
 * <pre>{@code
 * turns:
 *   - type: tool_calls
 *     content: "Let me check the weather."
 *     tool_calls:
 *       - name: get_weather
 *         arguments: {city: Paris}
 *   - "It is 18 degrees and sunny in Paris."
 * rules:
 *   - match: "refund"
 *     response: "I can help with refunds. What is your order number?"
 * defaultResponse: "I'm a mock assistant."
 * }</pre>
 *
 * <pre>{@code
 * Provider mock = MockProvider.fromScript(Path.of("mock-responses.yaml"));
 * Provider slow = MockProvider.builder().script(MockScript.fromClasspath("mock.yaml"))
 *         .firstChunkDelay(Duration.ofMillis(300)).chunkDelay(Duration.ofMillis(20)).build();
 * }</pre>
 *
 * <p>It is also a {@link DuplexProvider}, so that duplex conversations work without keys: see
 * {@link #openSession}.
 *
 * @since 0.1.0
 */
public final class MockProvider implements Provider, DuplexProvider {

    /** The provider type. */
    public static final String TYPE = "mock";

    /** The name used when none is given. */
    public static final String DEFAULT_NAME = "mock";

    /** The model used when none is given. */
    public static final String DEFAULT_MODEL = "mock-model";

    /** Characters per text chunk when none is given, as in the Go original. */
    public static final int DEFAULT_CHUNK_SIZE = 20;

    /**
     * The Go mock's fixed prices: $0.01 per 1K input and output tokens, $0.005 per 1K cached tokens (cache
     * writes priced as input).
     */
    public static final ModelPricing DEFAULT_PRICING = ModelPricing.of(10, 10, 5, 10);

    private final String name;
    private final String model;
    private final MockScript script;
    private final int chunkSize;
    private final ChunkPacing pacing;
    private final PricingTable pricing;
    private final TokenCounter tokenCounter;
    private final AnswerLimits answerLimits;

    private MockProvider(Builder builder) {
        this.name = builder.name;
        this.model = builder.model;
        this.script = builder.script;
        this.chunkSize = builder.chunkSize;
        this.pacing = new ChunkPacing(builder.firstChunkDelay, builder.chunkDelay);
        this.pricing = builder.pricing != null ? builder.pricing
                : PricingTable.uniform(DEFAULT_PRICING);
        this.tokenCounter = builder.tokenCounter;
        this.answerLimits = builder.answerLimits;
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * A mock provider with every default and the script read from a YAML file.
     *
     * @throws MockScriptException if the file is missing or not a valid script
     */
    public static MockProvider fromScript(Path scriptFile) {
        return builder().script(MockScript.load(scriptFile)).build();
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public String defaultModel() {
        return model;
    }

    /**
     * The configured table; by default one that prices the configured model at {@link #DEFAULT_PRICING}.
     * A request naming another model is priced only if the configured table knows that model.
     */
    @Override
    public PricingTable pricing() {
        return pricing;
    }

    /**
     * Streams the scripted answer, within the {@link AnswerLimits} like any provider's. A {@code mock_turn_number}
     * metadata value that is not a whole number fails the stream with a {@link ProviderException}.
     */
    @Override
    public Flux<ProviderChunk> stream(ProviderRequest request) {
        Objects.requireNonNull(request, "request");
        return Flux.defer(() -> {
            MockReply reply;
            try {
                reply = answer(request, fallbackText(request));
            }
            catch (IllegalArgumentException badRequest) {
                return Flux.error(new ProviderException(name, ProviderException.Kind.BAD_REQUEST, 0,
                        badRequest.getMessage(), false, null, badRequest));
            }
            return answerLimits.enforce(name, pacing.apply(reply.chunks()));
        });
    }

    /**
     * Opens a scripted duplex session ({@link MockDuplexSession}): each user turn is answered as {@link #stream}
     * answers a request holding the session's history, the answer's text spoken (as transcript and a tone or
     * silence, see {@link MockScript#duplex()}) when the session answers with audio. Text is echoed when the
     * script has no answer for it; audio turns, which end on {@code triggerStart}, and tool results get the
     * script's {@code duplex.response_text} then.
     */
    @Override
    public Mono<DuplexSession> openSession(DuplexSessionConfig config) {
        return Mono.fromSupplier(() -> new MockDuplexSession(this, script.duplex(), config));
    }

    @Override
    public String defaultDuplexModel() {
        return model;
    }

    /** The scripted answer to {@code request}, or {@code fallback} when the script has none, as a paced stream. */
    Flux<ProviderChunk> reply(ProviderRequest request, String fallback) {
        return Flux.defer(() -> pacing.apply(answer(request, fallback).chunks()));
    }

    private MockReply answer(ProviderRequest request, String fallback) {
        MockTurn turn = script.find(request).orElseGet(() -> MockTurn.ofText(fallback));
        String text = turn.responseText();
        List<ToolCall> toolCalls = new ArrayList<>(turn.toolCalls().size());
        long reasoningTokens = turn.reasoning().isEmpty() ? 0 : tokenCounter.count(turn.reasoning());
        long outputTokens = tokenCounter.count(text) + reasoningTokens;
        for (MockToolCall scripted : turn.toolCalls()) {
            ToolCall call = scripted.toToolCall(toolCalls.size());
            outputTokens += tokenCounter.count(call.argumentsJson());
            toolCalls.add(call);
        }
        List<ContentPart> media = turn.parts().stream().filter(part -> !part.isText()).toList();
        return new MockReply(turn.reasoning(), text, media, toolCalls,
                new TokenUsage(inputTokens(request), outputTokens, 0, 0, reasoningTokens), chunkSize);
    }

    private long inputTokens(ProviderRequest request) {
        long tokens = tokenCounter.count(request.system());
        for (Message message : request.messages()) {
            tokens += tokenCounter.count(message);
        }
        return tokens;
    }

    private String fallbackText(ProviderRequest request) {
        String requested = request.model();
        return "Mock response from " + name + " (" + (requested == null || requested.isBlank() ? model : requested)
                + ")";
    }

    /** Builds a {@link MockProvider}; every setting has a default. */
    public static final class Builder {

        private String name = DEFAULT_NAME;
        private String model = DEFAULT_MODEL;
        private MockScript script = MockScript.EMPTY;
        private int chunkSize = DEFAULT_CHUNK_SIZE;
        private Duration firstChunkDelay = Duration.ZERO;
        private Duration chunkDelay = Duration.ZERO;
        private PricingTable pricing;
        private TokenCounter tokenCounter = new CharacterRatioTokenCounter();
        private AnswerLimits answerLimits = AnswerLimits.DEFAULT;

        private Builder() {
        }

        /** The name this provider is configured under; default {@value MockProvider#DEFAULT_NAME}. */
        public Builder name(String name) {
            this.name = requireText(name, "name");
            return this;
        }

        /** The model reported when a request names none; default {@value MockProvider#DEFAULT_MODEL}. */
        public Builder model(String model) {
            this.model = requireText(model, "model");
            return this;
        }

        /** The scripted answers; default {@link MockScript#EMPTY}. */
        public Builder script(MockScript script) {
            this.script = Objects.requireNonNull(script, "script");
            return this;
        }

        /** The most UTF-16 characters per text chunk; default {@value MockProvider#DEFAULT_CHUNK_SIZE}. */
        public Builder chunkSize(int chunkSize) {
            if (chunkSize < 1) {
                throw new IllegalArgumentException("chunkSize must be at least 1, got " + chunkSize);
            }
            this.chunkSize = chunkSize;
            return this;
        }

        /** How long to wait before the first chunk (time to first token); default zero. */
        public Builder firstChunkDelay(Duration delay) {
            this.firstChunkDelay = requireNotNegative(delay, "firstChunkDelay");
            return this;
        }

        /** How long to wait between one chunk and the next; default zero. */
        public Builder chunkDelay(Duration delay) {
            this.chunkDelay = requireNotNegative(delay, "chunkDelay");
            return this;
        }

        /**
         * The prices to report; default a table pricing the configured model at
         * {@link MockProvider#DEFAULT_PRICING}.
         */
        public Builder pricing(PricingTable pricing) {
            this.pricing = Objects.requireNonNull(pricing, "pricing");
            return this;
        }

        /** How usage is estimated; default a {@link CharacterRatioTokenCounter}. */
        public Builder tokenCounter(TokenCounter tokenCounter) {
            this.tokenCounter = Objects.requireNonNull(tokenCounter, "tokenCounter");
            return this;
        }

        /** The largest answer a call may stream; {@link AnswerLimits#DEFAULT} by default. */
        public Builder answerLimits(AnswerLimits answerLimits) {
            this.answerLimits = Objects.requireNonNull(answerLimits, "answerLimits");
            return this;
        }

        public MockProvider build() {
            return new MockProvider(this);
        }

        private static String requireText(String value, String what) {
            if (value == null || value.isBlank()) {
                throw new IllegalArgumentException(what + " must not be blank");
            }
            return value;
        }

        private static Duration requireNotNegative(Duration delay, String what) {
            Objects.requireNonNull(delay, what);
            if (delay.isNegative()) {
                throw new IllegalArgumentException(what + " must not be negative, got " + delay);
            }
            return delay;
        }
    }
}
