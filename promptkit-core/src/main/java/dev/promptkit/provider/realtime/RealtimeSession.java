/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.provider.realtime;

import dev.promptkit.duplex.DuplexEvent;
import dev.promptkit.duplex.DuplexSession;
import dev.promptkit.duplex.DuplexSessionException;
import java.time.Duration;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import tools.jackson.databind.JsonNode;

/**
 * The base of a duplex session over a {@link RealtimeSocket}: it connects, sends the provider's setup message,
 * waits for the upstream to confirm it, then hands every message to {@link #onMessage}, where the provider
 * translates it into {@link DuplexEvent}s ({@link #emit}) or ends the session with the upstream's error
 * ({@link #fail}). The session ends when the socket does: {@link #events()} completes on a normal close and
 * fails with the socket's {@link DuplexSessionException} otherwise.
 *
 * @since 0.1.0
 */
public abstract class RealtimeSession implements DuplexSession {

    private final RealtimeSocket socket;
    private final Sinks.Many<DuplexEvent> events = Sinks.many().unicast().onBackpressureBuffer();
    private final Sinks.Empty<Void> ready = Sinks.empty();
    private final Sinks.Empty<Void> ended = Sinks.empty();
    private volatile Disposable reading;

    protected RealtimeSession(RealtimeSocket socket) {
        this.socket = socket;
    }

    /**
     * Connects, sends {@code setup} and completes with this session once {@link #markReady()} was called;
     * fails if the upstream refuses, errs or stays silent for {@code setupTimeout}.
     */
    protected final Mono<DuplexSession> start(JsonNode setup, Duration setupTimeout) {
        return Mono.defer(() -> {
            send(setup);
            reading = socket.messages().subscribe(this::dispatch, this::failed, this::completed);
            return ready.asMono()
                    .timeout(setupTimeout, Mono.error(() -> socket.error("the upstream did not confirm the session"
                            + " setup within " + setupTimeout.toMillis() + " ms", null)))
                    .thenReturn((DuplexSession) this)
                    .doOnError(error -> closeNow())
                    .doOnCancel(this::closeNow);
        });
    }

    /** Translates one upstream message; called in the order the messages arrive, never concurrently. */
    protected abstract void onMessage(JsonNode message);

    /** Passes an event to the subscriber of {@link #events()}. */
    protected final synchronized void emit(DuplexEvent event) {
        events.tryEmitNext(event);
    }

    /** The upstream confirmed the setup: {@link #start} completes. */
    protected final void markReady() {
        ready.tryEmitEmpty();
    }

    /** Ends the session with an error the upstream reported (masked of the secret) and closes the connection. */
    protected final void fail(String upstreamError) {
        failed(socket.error(upstreamError, null));
        socket.close();
    }

    /**
     * Queues a message for the upstream now; a subclass sends the messages of one input under its own lock so
     * that they stay together and in order.
     *
     * @throws DuplexSessionException when the session is closed
     */
    protected final void send(JsonNode message) {
        socket.send(message);
    }

    /** The provider this session talks to, for error messages. */
    protected final String provider() {
        return socket.endpoint().provider();
    }

    @Override
    public final Flux<DuplexEvent> events() {
        return events.asFlux();
    }

    /** Closes the connection; completes once it is closed. */
    @Override
    public final Mono<Void> closeAsync() {
        return Mono.defer(() -> {
            socket.close();
            return reading == null ? Mono.empty() : ended.asMono();
        });
    }

    private void dispatch(JsonNode message) {
        try {
            onMessage(message);
        }
        catch (RuntimeException unreadable) {
            failed(socket.error("cannot read the upstream's message: " + unreadable.getMessage(), unreadable));
            socket.close();
        }
    }

    private synchronized void failed(Throwable error) {
        ready.tryEmitError(error);
        events.tryEmitError(error);
        ended.tryEmitEmpty();
    }

    private synchronized void completed() {
        ready.tryEmitError(socket.error("the upstream closed the session before confirming its setup", null));
        events.tryEmitComplete();
        ended.tryEmitEmpty();
    }

    private void closeNow() {
        socket.close();
        Disposable connection = reading;
        if (connection != null) {
            connection.dispose();
        }
        ended.tryEmitEmpty();
    }
}
