/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.voice;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;

/**
 * Speaks streamed text sentence by sentence while it still streams: the elements of a stream pass on as they come,
 * and each sentence their text completes (cut as {@link SentenceSplitter} cuts it; the rest once the stream ends) is
 * handed to a function whose output (usually the sentence's audio) is merged in. Sentences are spoken one after the
 * other, in order; cancelling the result cancels the stream and the speech in progress. Used by VAD mode and by text
 * conversations that speak their answers.
 *
 * @since 0.1.0
 */
public final class SentenceSpeech {

    private SentenceSpeech() {
    }

    /**
     * @param written the stream, its text elements among others
     * @param textOf the text an element adds, {@code null} for an element that adds none
     * @param speak what a sentence becomes; an error there ends the result with it
     * @return the elements of {@code written} merged with, per sentence in order, what {@code speak} made of it; it
     *         completes once both have
     */
    public static <T> Flux<T> speakAlong(Flux<T> written, Function<T, String> textOf,
            Function<String, ? extends Publisher<T>> speak) {
        return Flux.defer(() -> {
            SentenceSplitter sentences = new SentenceSplitter();
            Flux<Piece<T>> pieces = written.concatMapIterable(element -> {
                List<Piece<T>> out = new ArrayList<>(2);
                out.add(new Piece<>(element, null));
                String text = textOf.apply(element);
                if (text != null) {
                    sentences.add(text).forEach(sentence -> out.add(new Piece<>(null, sentence)));
                }
                return out;
            }).concatWith(Flux.defer(() -> Flux.fromIterable(sentences.finish()).map(rest -> new Piece<>(null, rest))));
            return pieces.publish(shared -> Flux.merge(
                    shared.filter(piece -> piece.sentence == null).map(Piece::element),
                    shared.filter(piece -> piece.sentence != null).concatMap(piece -> speak.apply(piece.sentence))));
        });
    }

    /** An element passed on, or a sentence to speak. */
    private record Piece<T>(T element, String sentence) {
    }
}
