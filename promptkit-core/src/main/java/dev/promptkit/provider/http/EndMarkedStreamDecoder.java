/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.provider.http;

import dev.promptkit.provider.ProviderChunk;
import java.util.List;

/**
 * A {@link StreamDecoder} for a JSON stream that ends with a marker (OpenAI's {@code [DONE]}, Anthropic's
 * {@code message_stop}, Ollama's {@code done} line): whatever follows the marker is ignored, and a body
 * that ends before it fails as incomplete unless the subclass can still finish the answer.
 *
 * @param <E> the event type
 *
 * @since 0.1.0
 */
public abstract class EndMarkedStreamDecoder<E> implements StreamDecoder<E> {

    private final StreamJson json;
    private boolean ended;

    protected EndMarkedStreamDecoder(StreamJson json) {
        this.json = json;
    }

    @Override
    public final List<ProviderChunk> decode(E event) {
        return ended ? List.of() : decodeBeforeEnd(event);
    }

    @Override
    public final List<ProviderChunk> finish() {
        return ended ? List.of() : finishWithoutEnd();
    }

    /** The chunks one event completes; call {@link #end()} when the event is the end marker. */
    protected abstract List<ProviderChunk> decodeBeforeEnd(E event);

    /** The chunks still owed when the body ended without the marker; by default a failure. */
    protected List<ProviderChunk> finishWithoutEnd() {
        throw json.endedEarly();
    }

    /** Gives back the parser that {@link StreamJson#readStreaming} keeps for the stream. */
    @Override
    public void close() {
        json.close();
    }

    /** Records that the end marker arrived. */
    protected final void end() {
        ended = true;
    }

    /** Parses payloads and words failures for this stream. */
    protected final StreamJson json() {
        return json;
    }
}
