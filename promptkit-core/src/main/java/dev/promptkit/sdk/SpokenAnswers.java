/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.sdk;

import dev.promptkit.speech.TtsService;
import dev.promptkit.voice.SentenceSpeech;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Speech on text turns (see {@link ConversationOptions.Builder#tts}): {@link Conversation#stream} also yields
 * {@link StreamChunk.Type#AUDIO} chunks, each sentence of the answer synthesised by {@code tts} while the text still
 * streams, in order, before {@link StreamChunk.Type#DONE}. When synthesis fails the turn goes on in text only: one
 * {@link StreamChunk.Type#SPEECH_FAILED} chunk says why, and the turn is answered and stored as usual. The service
 * stays the caller's to close.
 *
 * @param tts the text-to-speech service
 * @param voice the voice, as the service names it
 * @param speed 1.0 for normal speed
 *
 * @since 0.1.0
 */
public record SpokenAnswers(TtsService tts, String voice, double speed) {

    private static final Logger log = LoggerFactory.getLogger(SpokenAnswers.class);

    public SpokenAnswers {
        Objects.requireNonNull(tts, "tts");
        Objects.requireNonNull(voice, "voice");
        if (!(speed > 0)) {
            throw new IllegalArgumentException("tts speed must be positive, was " + speed);
        }
    }

    /** {@code chunks} with the audio of their text merged in, sentence by sentence. */
    Flux<StreamChunk> speakAlong(Flux<StreamChunk> chunks, String conversationId) {
        return Flux.defer(() -> {
            AtomicInteger sentences = new AtomicInteger();
            AtomicBoolean failed = new AtomicBoolean();
            return SentenceSpeech.speakAlong(chunks, chunk -> chunk.isText() ? chunk.text() : null,
                    sentence -> Flux.defer(() -> {
                        int number = sentences.incrementAndGet();
                        if (failed.get()) {
                            return Flux.empty();
                        }
                        return tts.synthesize(sentence, voice, speed).map(StreamChunk::audio)
                                .onErrorResume(failure -> {
                                    failed.set(true);
                                    return Mono.just(failure(conversationId, number, failure));
                                });
                    }));
        });
    }

    private static StreamChunk failure(String conversationId, int sentence, Throwable failure) {
        String message = "Text-to-speech failed at sentence " + sentence + "; the rest of the answer is text only: "
                + Objects.requireNonNullElse(failure.getMessage(), failure.getClass().getSimpleName());
        log.warn("Conversation {}: {}", conversationId, message);
        return StreamChunk.speechFailed(message);
    }
}
