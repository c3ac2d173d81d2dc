/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.sdk;

import dev.promptkit.duplex.AudioChunk;
import dev.promptkit.duplex.DuplexEvent;
import dev.promptkit.duplex.DuplexSession;
import dev.promptkit.duplex.DuplexSessionConfig;
import dev.promptkit.duplex.DuplexSessionException;
import dev.promptkit.duplex.ImageFrame;
import dev.promptkit.duplex.VideoChunk;
import dev.promptkit.media.FrameProcessor;
import dev.promptkit.media.VideoStreamConfig;
import dev.promptkit.pipeline.PipelineBuilder;
import dev.promptkit.pipeline.PromptAssemblyStage;
import dev.promptkit.pipeline.TemplateStage;
import dev.promptkit.pipeline.TurnContext;
import dev.promptkit.pipeline.VariablesStage;
import dev.promptkit.provider.DuplexProvider;
import dev.promptkit.tool.ToolRegistry;
import dev.promptkit.tool.mcp.McpServers;
import dev.promptkit.voice.TextTurnRunner;
import dev.promptkit.voice.VadDuplexSession;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

/**
 * The live session behind a duplex {@link Conversation}, in either mode:
 * <ul>
 * <li>ASM mode ({@link #openAsm}): a {@link DuplexSession} of the conversation's {@link DuplexProvider}, opened with
 * the prompt's system prompt (variables resolved and template rendered, as a text turn does) and tools; an
 * {@link AsmTurnKeeper} stores its turns and runs the tools it calls;</li>
 * <li>VAD mode ({@link #openVad}): a {@link VadDuplexSession} whose answers are the conversation's own text turns,
 * which store themselves ({@link VadTurnKeeper}).</li>
 * </ul>
 * While it lives, it forwards the caller's text, audio, image frames (thinned and shrunk first when the options
 * ask for {@code streamingVideo}) and start triggers to the session, and turns the session's events into
 * {@link StreamChunk}s for {@link #response()}: text, audio, transcripts, tool calls and interruptions as they
 * come, and {@link StreamChunk.Type#TURN_COMPLETE} once each completed response has been stored.
 * {@link #response()} holds up to {@value #RESPONSE_BUFFER} chunks for a subscriber that is late or slow; a
 * caller that falls further behind ends the session with an error.
 */
final class DuplexConversationSession {

    static final int RESPONSE_BUFFER = 1024;

    private final String providerName;
    private final DuplexSession session;
    private final TurnKeeper keeper;
    private final FrameProcessor frames;
    private final Sinks.Many<StreamChunk> chunks = Sinks.many().multicast().onBackpressureBuffer(RESPONSE_BUFFER, false);
    private final Sinks.Empty<Void> done = Sinks.empty();
    private final Sinks.Empty<Void> aborted = Sinks.empty();
    private volatile Throwable abortCause;
    private volatile Throwable error;
    private volatile boolean ended;

    /**
     * @param providerName the provider named in errors
     * @param frames what image frames go through before the session, or {@code null} to send them as they come
     */
    private DuplexConversationSession(String providerName, DuplexSession session, TurnKeeper keeper,
            FrameProcessor frames) {
        this.providerName = providerName;
        this.session = session;
        this.keeper = keeper;
        this.frames = frames;
    }

    /**
     * ASM mode: renders the prompt for the conversation's variables, opens a session on {@code provider} and
     * starts handling its events.
     */
    static Mono<DuplexConversationSession> openAsm(String conversationId, ConversationSetup setup, ToolRegistry tools,
            Map<String, String> variables, DuplexProvider provider) {
        ConversationOptions options = setup.options();
        ProviderOptions asked = options.provider();
        DuplexOptions duplex = options.voice().duplex();
        VideoStreamConfig video = options.media().streamingVideo();
        String model = asked.model() != null ? asked.model()
                : Optional.ofNullable(provider.defaultDuplexModel()).orElse(setup.model());
        TurnContext prompt = new TurnContext(conversationId, setup.pack(), setup.promptName(), setup.prompt(), model,
                variables, tools, setup.events());
        McpServers mcp = setup.ownedMcpServers() != null ? setup.ownedMcpServers() : options.tools().mcpServers();
        return new PipelineBuilder()
                .chain(new VariablesStage(options.pipeline().variableProviders()),
                        new PromptAssemblyStage(asked.parameters(), asked.responseFormat(), mcp),
                        new TemplateStage())
                .build().execute(Flux.empty(), prompt)
                .then(Mono.fromSupplier(() -> new DuplexSessionConfig(model, prompt.systemPrompt(), prompt.tools(),
                        prompt.parameters(), duplex.voice(), duplex.inputAudioFormat(), duplex.audioOutput(),
                        duplex.providerOptions())))
                .flatMap(config -> provider.openSession(config).map(session -> new DuplexConversationSession(
                        setup.provider().name(), session, new AsmTurnKeeper(conversationId, setup, tools, session,
                                config, Conversation.storedMetadata(setup.pack().id(), setup.promptName(), variables)),
                        video == null ? null : new FrameProcessor(video))))
                .doOnNext(DuplexConversationSession::start);
    }

    /**
     * VAD mode: a voice session on the conversation's text provider, answering each user turn with
     * {@code textTurns}, a text turn of the conversation. Frames are refused, so none are processed.
     */
    static DuplexConversationSession openVad(ConversationSetup setup, VadMode vad, TextTurnRunner textTurns) {
        VadTurnKeeper keeper = new VadTurnKeeper();
        DuplexConversationSession opened = new DuplexConversationSession(setup.provider().name(),
                new VadDuplexSession(vad.config(), vad.stt(), vad.tts(), keeper.recording(textTurns)), keeper, null);
        opened.start();
        return opened;
    }

    Mono<Void> sendText(String text) {
        return whileOpen(() -> {
            keeper.userText(text);
            return session.sendText(text);
        });
    }

    Mono<Void> sendChunk(AudioChunk chunk) {
        return whileOpen(() -> session.sendAudio(chunk));
    }

    /** Sends {@code frame}, or completes without sending it when the frame processor drops it. */
    Mono<Void> sendFrame(ImageFrame frame) {
        return whileOpen(() -> frames == null ? session.sendImage(frame)
                : frames.processAsync(frame).flatMap(session::sendImage));
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
            keeper.triggered();
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
        keeper.failure().subscribe(null, this::abort);
        session.events()
                .takeUntilOther(aborted.asMono())
                .concatWith(Mono.defer(() -> abortCause == null ? Mono.empty() : Mono.error(abortCause)))
                .concatMap(this::handle)
                .subscribe(null, this::end, () -> end(null));
    }

    private Mono<Void> handle(DuplexEvent event) {
        if (event instanceof DuplexEvent.TurnComplete complete) {
            return keeper.completeTurn(complete.usage()).doOnNext(turn -> emit(StreamChunk.turnComplete(turn)))
                    .then();
        }
        keeper.observe(event);
        emit(chunkOf(event));
        return Mono.empty();
    }

    private static StreamChunk chunkOf(DuplexEvent event) {
        if (event instanceof DuplexEvent.TextDelta text) {
            return StreamChunk.text(text.text());
        }
        if (event instanceof DuplexEvent.AudioDelta audio) {
            return StreamChunk.audio(audio.audio());
        }
        if (event instanceof DuplexEvent.InputTranscript input) {
            return StreamChunk.inputTranscript(input.text());
        }
        if (event instanceof DuplexEvent.OutputTranscript output) {
            return StreamChunk.outputTranscript(output.text());
        }
        if (event instanceof DuplexEvent.ToolCallRequested requested) {
            return StreamChunk.toolCall(requested.call());
        }
        return StreamChunk.interrupted(); // the one kind left: DuplexEvent.Interrupted
    }

    /** Ends the session with a failure that happened beside its events (a runaway tool loop). */
    private void abort(Throwable failure) {
        abortCause = failure;
        aborted.tryEmitEmpty();
    }

    private void emit(StreamChunk chunk) {
        if (chunks.tryEmitNext(chunk) == Sinks.EmitResult.FAIL_OVERFLOW) {
            throw new DuplexSessionException(providerName, "the caller fell more than " + RESPONSE_BUFFER
                    + " chunks behind on response(); subscribe to it before sending and keep reading", null);
        }
    }

    private void end(Throwable failure) {
        ended = true;
        keeper.ended(failure);
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
        return Mono.defer(() -> ended ? Mono.error(new DuplexSessionException(providerName, "the session has ended",
                error)) : send.get());
    }
}
