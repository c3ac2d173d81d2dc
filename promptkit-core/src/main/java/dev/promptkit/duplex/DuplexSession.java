/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.duplex;

import dev.promptkit.types.ToolResult;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * A live, bidirectional session with a model: input (text, audio, image frames, tool results) goes in
 * whenever the caller has it, and {@link #events()} carries everything that comes back. One session
 * serves one user; its methods may be called from any thread but not concurrently for the same kind of
 * input. The {@code send} methods complete when the input was handed to the transport.
 *
 * @since 0.1.0
 */
public interface DuplexSession extends AutoCloseable {

    /** Sends a text message from the user. */
    Mono<Void> sendText(String text);

    /** Sends a piece of the user's audio. */
    Mono<Void> sendAudio(AudioChunk chunk);

    /** Sends one image frame (video or screenshot). */
    Mono<Void> sendImage(ImageFrame frame);

    /**
     * Sends a piece of encoded video. Realtime models take video as image frames, so by default this fails
     * with an {@link UnsupportedOperationException} telling the caller to decode the video into frames and
     * send those with {@link #sendImage}; a session that can forward encoded video overrides it.
     */
    default Mono<Void> sendVideo(VideoChunk chunk) {
        return Mono.error(new UnsupportedOperationException("This duplex session takes video as image frames, not "
                + chunk.mimeType() + " chunks: decode the video into frames (image/jpeg) and send those"));
    }

    /** Answers a {@link DuplexEvent.ToolCallRequested}. */
    Mono<Void> sendToolResult(ToolResult result);

    /** Asks the model to respond now, without waiting for the end of the user's turn. */
    Mono<Void> triggerStart();

    /**
     * Everything the session emits, until it ends: completes when the session is closed, errors with a
     * {@link DuplexSessionException} when it fails. One subscriber.
     */
    Flux<DuplexEvent> events();

    /** Ends the session and releases its connection; completing {@link #events()}. Idempotent. */
    Mono<Void> closeAsync();

    @Override
    default void close() {
        closeAsync().block();
    }
}
