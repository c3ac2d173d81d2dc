/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.media;

import dev.promptkit.pipeline.BuiltInStage;
import dev.promptkit.pipeline.StageType;
import dev.promptkit.pipeline.StreamElement;
import dev.promptkit.pipeline.TurnContext;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Shrinks the images of the turn's new message before the provider sees them (the seed's {@code image-preprocess}
 * stage): images over the {@link ImagePreprocessConfig} limits are scaled down and re-encoded, all others pass byte
 * for byte. The shrunk message is also the one stored, so the history never holds the original (this saves space
 * in the state store, and later turns send the same image the model saw). History is not processed: it was when it
 * was new. Decoding and encoding run on the bounded elastic scheduler.
 *
 * @since 0.1.0
 */
public final class ImagePreprocessStage extends BuiltInStage {

    public static final String NAME = "image_preprocess";

    private final ImageParts images;

    public ImagePreprocessStage(ImagePreprocessConfig config) {
        super(NAME, StageType.TRANSFORM);
        this.images = new ImageParts(new ImageResizer(config));
    }

    @Override
    public Flux<StreamElement> process(Flux<StreamElement> in, TurnContext turn) {
        return in.concatMap(element -> isNewWithImages(element)
                ? Mono.fromCallable(() -> element.withMessage(images.shrink(element.message())))
                        .subscribeOn(Schedulers.boundedElastic())
                : Mono.just(element));
    }

    private static boolean isNewWithImages(StreamElement element) {
        return element.isMessage() && ImageParts.any(element.message());
    }
}
