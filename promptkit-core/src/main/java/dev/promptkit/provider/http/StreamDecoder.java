/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.provider.http;

import dev.promptkit.provider.ProviderChunk;
import java.util.List;

/**
 * Turns the events of one streamed response ({@link SseEvent}s, or NDJSON lines) into
 * {@link ProviderChunk}s. A new decoder serves each attempt, so it may keep state, such as tool-call
 * fragments waiting for their end. Throw a {@link dev.promptkit.provider.ProviderException} for an
 * error the upstream reported inside the stream or an event that cannot be read.
 *
 * @param <E> the event type
 *
 * @since 0.1.0
 */
public interface StreamDecoder<E> {

    /** The chunks one event completes, often none or one. */
    List<ProviderChunk> decode(E event);

    /** The chunks still owed when the body ended; fail here if the stream ended too early. */
    List<ProviderChunk> finish();

    /**
     * Text of a server-sent event stream that is no SSE field, such as an error written mid-stream as a bare
     * JSON object: each run of such lines, up to a blank line or the end of the body. Throw a
     * {@link dev.promptkit.provider.ProviderException} when it reports an error; ignored by default, and
     * never called for NDJSON streams.
     */
    default void unframed(String text) {
    }

    /**
     * Gives back what the decoder holds for its stream (a parser and its buffers, say). Called once the stream
     * ended, failed or was cancelled, maybe from another thread while an event is being decoded, and maybe
     * before the last event; nothing by default.
     */
    default void close() {
    }
}
