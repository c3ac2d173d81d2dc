/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.session;

import dev.promptkit.duplex.AudioChunk;
import dev.promptkit.duplex.DuplexEvent;
import dev.promptkit.duplex.DuplexSession;
import dev.promptkit.duplex.DuplexSessionException;
import dev.promptkit.duplex.ImageFrame;
import dev.promptkit.duplex.VideoChunk;
import dev.promptkit.media.FrameProcessor;
import java.util.Optional;
import java.util.function.Supplier;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

/**
 * A live session behind a duplex conversation: a provider's realtime session or a VAD voice session. While it
 * lives, it forwards the caller's text, audio, image frames (through a {@link FrameProcessor} when there is one)
 * and start triggers to the session, and hands the session's events back through {@link #response()} in the
 * caller's type ({@link SessionOutputs}), with one more output once each completed turn has been stored by its
 * {@link TurnKeeper}. {@link #response()} holds up to {@value #RESPONSE_BUFFER} outputs for a subscriber that is
 * late or slow; a caller that falls further behind ends the session with an error.
 *
 * @param <T> what the caller reads from {@link #response()}
 * @since 0.1.0
 */
public final class LiveSession<T> {

    public static final int RESPONSE_BUFFER = 1024;

    private final String providerName;
    private final DuplexSession session;
    private final TurnKeeper keeper;
    private final FrameProcessor frames;
    private final SessionOutputs<T> convert;
    private final Sinks.Many<T> outputs = Sinks.many().multicast().onBackpressureBuffer(RESPONSE_BUFFER, false);
    private final Sinks.Empty<Void> done = Sinks.empty();
    private final Sinks.Empty<Void> aborted = Sinks.empty();
    private volatile Throwable abortCause;
    private volatile Throwable error;
    private volatile boolean ended;

    /**
     * @param providerName the provider named in errors
     * @param frames what image frames go through before the session, or {@code null} to send them as they come
     * @param outputs what the caller reads for each event and each stored turn
     */
    public LiveSession(String providerName, DuplexSession session, TurnKeeper keeper, FrameProcessor frames,
            SessionOutputs<T> outputs) {
        this.providerName = providerName;
        this.session = session;
        this.keeper = keeper;
        this.frames = frames;
        this.convert = outputs;
    }

    public Mono<Void> sendText(String text) {
        return whileOpen(() -> {
            keeper.userText(text);
            return session.sendText(text);
        });
    }

    public Mono<Void> sendChunk(AudioChunk chunk) {
        return whileOpen(() -> session.sendAudio(chunk));
    }

    /** Sends {@code frame}, or completes without sending it when the frame processor drops it. */
    public Mono<Void> sendFrame(ImageFrame frame) {
        return whileOpen(() -> frames == null ? session.sendImage(frame)
                : frames.processAsync(frame).flatMap(session::sendImage));
    }

    /** An image chunk goes as a frame; other video as the session's encoded video, if it takes any. */
    public Mono<Void> sendVideoChunk(VideoChunk chunk) {
        if (chunk.mimeType().startsWith("image/")) {
            return sendFrame(new ImageFrame(chunk.data(), chunk.mimeType(), 0, 0, chunk.timestampMillis()));
        }
        return whileOpen(() -> session.sendVideo(chunk));
    }

    public Mono<Void> triggerStart() {
        return whileOpen(() -> {
            keeper.triggered();
            return session.triggerStart();
        });
    }

    /** What the session hands back, as it comes; completes when it ends, fails with its error. */
    public Flux<T> response() {
        return outputs.asFlux();
    }

    /** Completes when the session has ended, however it ended. */
    public Mono<Void> done() {
        return done.asMono();
    }

    /** The error that ended the session; empty while it lives or when it ended normally. */
    public Optional<Throwable> sessionError() {
        return Optional.ofNullable(error);
    }

    /** Ends the session; {@link #done()} completes once it has ended. */
    public void close() {
        session.closeAsync().subscribe(null, ignored -> {
            // a session that fails while closing has ended all the same
        });
    }

    /** Starts handing the session's events on; call once, before anything is sent. */
    public LiveSession<T> start() {
        keeper.failure().subscribe(null, this::abort);
        session.events()
                .takeUntilOther(aborted.asMono())
                .concatWith(Mono.defer(() -> abortCause == null ? Mono.empty() : Mono.error(abortCause)))
                .concatMap(this::handle)
                .subscribe(null, this::end, () -> end(null));
        return this;
    }

    private Mono<Void> handle(DuplexEvent event) {
        if (event instanceof DuplexEvent.TurnComplete complete) {
            return keeper.completeTurn(complete.usage()).doOnNext(turn -> emit(convert.turnStored(turn))).then();
        }
        keeper.observe(event);
        emit(convert.event(event));
        return Mono.empty();
    }

    /** Ends the session with a failure that happened beside its events (a runaway tool loop). */
    private void abort(Throwable failure) {
        abortCause = failure;
        aborted.tryEmitEmpty();
    }

    private void emit(T output) {
        if (outputs.tryEmitNext(output) == Sinks.EmitResult.FAIL_OVERFLOW) {
            throw new DuplexSessionException(providerName, "the caller fell more than " + RESPONSE_BUFFER
                    + " outputs behind on response(); subscribe to it before sending and keep reading", null);
        }
    }

    private void end(Throwable failure) {
        ended = true;
        keeper.ended(failure);
        if (failure != null) {
            error = failure;
            close();
            outputs.tryEmitError(failure);
        }
        else {
            outputs.tryEmitComplete();
        }
        done.tryEmitEmpty();
    }

    private Mono<Void> whileOpen(Supplier<Mono<Void>> send) {
        return Mono.defer(() -> ended ? Mono.error(new DuplexSessionException(providerName, "the session has ended",
                error)) : send.get());
    }
}
