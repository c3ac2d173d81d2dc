/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.speech;

import dev.promptkit.duplex.AudioChunk;
import reactor.core.publisher.Mono;

/**
 * Speech-to-text: turns one utterance of recorded speech into text.
 *
 * @since 0.1.0
 */
@FunctionalInterface
public interface SttService {

    /**
     * Transcribes {@code audio}.
     *
     * @param language the language spoken, as an ISO-639-1 code ("en"), or {@code null} to let the service guess
     * @return the transcript; fails with a {@link dev.promptkit.provider.ProviderException} naming the service
     */
    Mono<Transcript> transcribe(AudioChunk audio, String language);
}
