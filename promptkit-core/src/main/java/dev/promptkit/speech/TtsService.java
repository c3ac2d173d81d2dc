/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.speech;

import dev.promptkit.duplex.AudioChunk;
import reactor.core.publisher.Flux;

/**
 * Text-to-speech: speaks a piece of text, streaming the audio as it is synthesised.
 *
 * @since 0.1.0
 */
@FunctionalInterface
public interface TtsService {

    /**
     * Speaks {@code text}. Cancelling the subscription stops the synthesis.
     *
     * @param voice the voice, as the service names it ("alloy")
     * @param speed 1.0 for normal speed
     * @return PCM16 audio in pieces of whole samples; fails with a
     *         {@link dev.promptkit.provider.ProviderException} naming the service
     */
    Flux<AudioChunk> synthesize(String text, String voice, double speed);
}
