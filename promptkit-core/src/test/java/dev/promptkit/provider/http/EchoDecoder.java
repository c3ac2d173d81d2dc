/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.provider.http;

import dev.promptkit.provider.ProviderChunk;
import dev.promptkit.types.TokenUsage;
import java.util.List;

/** One text chunk per event (its data, or the NDJSON line), then a finish chunk: a decoder for transport tests. */
final class EchoDecoder implements StreamDecoder<Object> {

    @Override
    public List<ProviderChunk> decode(Object event) {
        return List.of(ProviderChunk.text(event instanceof SseEvent sse ? sse.data() : (String) event));
    }

    @Override
    public List<ProviderChunk> finish() {
        return List.of(ProviderChunk.finish("stop", TokenUsage.NONE));
    }
}
