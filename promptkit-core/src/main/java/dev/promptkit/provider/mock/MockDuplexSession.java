/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.provider.mock;

import dev.promptkit.duplex.AudioChunk;
import dev.promptkit.duplex.AudioFormat;
import dev.promptkit.duplex.DuplexEvent;
import dev.promptkit.duplex.DuplexSession;
import dev.promptkit.duplex.DuplexSessionConfig;
import dev.promptkit.duplex.DuplexSessionException;
import dev.promptkit.duplex.ImageFrame;
import dev.promptkit.duplex.Pcm16;
import dev.promptkit.provider.ProviderRequest;
import dev.promptkit.types.Message;
import dev.promptkit.types.ResponseFormat;
import dev.promptkit.types.ToolCall;
import dev.promptkit.types.ToolChoice;
import dev.promptkit.types.ToolResult;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.core.scheduler.Schedulers;

/**
 * The mock provider's duplex session. Inputs are handled one at a time, in order, off the caller's thread:
 * <ul>
 * <li>text: a user turn, answered at once (echoed as {@code "Echo: <text>"} when the script has no answer);</li>
 * <li>audio: collected; the user's audio turn ends on {@link #triggerStart()}, which emits the script's
 * {@code duplex.input_transcript} as a complete input transcript (when it has one) and answers the turn
 * ({@code duplex.response_text} when the script has no answer);</li>
 * <li>image frames: taken and ignored;</li>
 * <li>tool results: once every call of the last answer has its result, the script's next turn answers.</li>
 * </ul>
 * An answer is looked up as {@link MockProvider#stream} looks up a request holding the session's history, so
 * {@code turns}, {@code rules} ({@code after_tools} included) and {@code tool_calls} work as in text
 * conversations. Its text arrives as text deltas, or, when the session answers with audio, as output
 * transcripts each followed by 10 ms per character of 24 kHz PCM (tone or silence); then one tool-call event
 * per scripted call, then a turn complete with the estimated usage.
 */
final class MockDuplexSession implements DuplexSession {

    private static final String PROVIDER = "mock";
    private static final AudioFormat OUTPUT_FORMAT = AudioFormat.PCM16_24KHZ_MONO;
    private static final Duration AUDIO_PER_CHARACTER = Duration.ofMillis(10);
    private static final double TONE_HZ = 440;

    private final MockProvider provider;
    private final MockDuplexScript script;
    private final DuplexSessionConfig config;
    private final Sinks.Many<Input> inputs = Sinks.many().unicast().onBackpressureBuffer();
    private final List<Message> history = new ArrayList<>();
    private final Set<String> awaitedResults = new HashSet<>();
    private boolean audioReceived;

    MockDuplexSession(MockProvider provider, MockDuplexScript script, DuplexSessionConfig config) {
        this.provider = provider;
        this.script = script;
        this.config = config;
    }

    @Override
    public Mono<Void> sendText(String text) {
        return offer(new Input.Text(text));
    }

    @Override
    public Mono<Void> sendAudio(AudioChunk chunk) {
        return offer(new Input.Audio());
    }

    @Override
    public Mono<Void> sendImage(ImageFrame frame) {
        return Mono.empty();
    }

    @Override
    public Mono<Void> sendToolResult(ToolResult result) {
        return offer(new Input.Result(result));
    }

    @Override
    public Mono<Void> triggerStart() {
        return offer(new Input.Trigger());
    }

    @Override
    public Flux<DuplexEvent> events() {
        return inputs.asFlux().publishOn(Schedulers.parallel()).concatMap(this::handle);
    }

    @Override
    public Mono<Void> closeAsync() {
        return Mono.fromRunnable(() -> {
            synchronized (inputs) {
                inputs.tryEmitComplete();
            }
        });
    }

    private Mono<Void> offer(Input input) {
        return Mono.fromRunnable(() -> {
            Sinks.EmitResult result;
            synchronized (inputs) {
                result = inputs.tryEmitNext(input);
            }
            if (result.isFailure()) {
                throw new DuplexSessionException(PROVIDER, "the session is closed", null);
            }
        });
    }

    private Flux<DuplexEvent> handle(Input input) {
        if (input instanceof Input.Text text) {
            history.add(Message.user(text.text()));
            return answer("Echo: " + text.text());
        }
        if (input instanceof Input.Result result) {
            history.add(Message.tool(result.result()));
            awaitedResults.remove(result.result().id());
            return awaitedResults.isEmpty() ? answer(script.responseText()) : Flux.empty();
        }
        if (input instanceof Input.Trigger) {
            return endOfUserTurn().concatWith(answer(script.responseText()));
        }
        audioReceived = true;
        return Flux.empty();
    }

    private Flux<DuplexEvent> endOfUserTurn() {
        if (!audioReceived) {
            return Flux.empty();
        }
        audioReceived = false;
        String heard = script.inputTranscript();
        history.add(Message.user(heard == null ? "" : heard));
        return heard == null ? Flux.empty() : Flux.just(new DuplexEvent.InputTranscript(heard, true));
    }

    private Flux<DuplexEvent> answer(String fallback) {
        String model = config.model() != null ? config.model() : provider.defaultModel();
        ProviderRequest request = new ProviderRequest(model, config.instructions(), history, config.tools(),
                ToolChoice.AUTO, config.parameters(), ResponseFormat.TEXT, Map.of());
        StringBuilder text = new StringBuilder();
        List<ToolCall> calls = new ArrayList<>();
        return provider.reply(request, fallback).concatMap(chunk -> {
            if (chunk.isText()) {
                text.append(chunk.delta());
                return spoken(chunk.delta());
            }
            if (chunk.isToolCall()) {
                calls.add(chunk.toolCall());
                awaitedResults.add(chunk.toolCall().id());
                return Flux.just(new DuplexEvent.ToolCallRequested(chunk.toolCall()));
            }
            history.add(Message.assistant(text.toString(), calls));
            return Flux.just(new DuplexEvent.TurnComplete(chunk.usage()));
        });
    }

    private Flux<DuplexEvent> spoken(String delta) {
        if (!config.audioOutput()) {
            return Flux.just(new DuplexEvent.TextDelta(delta));
        }
        Duration length = AUDIO_PER_CHARACTER.multipliedBy(delta.length());
        AudioChunk audio = script.tone() ? Pcm16.tone(OUTPUT_FORMAT, length, TONE_HZ)
                : Pcm16.silence(OUTPUT_FORMAT, length);
        return Flux.just(new DuplexEvent.OutputTranscript(delta), new DuplexEvent.AudioDelta(audio));
    }

    /** What the caller sent, in the order it was sent. */
    private sealed interface Input {

        record Text(String text) implements Input {
        }

        record Audio() implements Input {
        }

        record Result(ToolResult result) implements Input {
        }

        record Trigger() implements Input {
        }
    }
}
