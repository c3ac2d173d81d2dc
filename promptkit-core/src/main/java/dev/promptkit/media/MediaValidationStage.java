/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.media;

import dev.promptkit.event.ValidationEvent;
import dev.promptkit.pipeline.BuiltInStage;
import dev.promptkit.pipeline.StageType;
import dev.promptkit.pipeline.StreamElement;
import dev.promptkit.pipeline.TurnContext;
import java.time.Instant;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Enforces the prompt's {@link MediaLimits} on the turn's new message before the provider is called: a message that
 * breaks one ends the turn with a {@link MediaValidationException}, so nothing is sent and nothing stored. Each
 * message with media is reported as a {@link ValidationEvent} of type {@value MediaValidationException#VALIDATOR_TYPE}.
 * The limits hold whatever the validation mode: they are the pack's, not a validator's. Checks that read bytes run
 * on the bounded elastic scheduler.
 *
 * @since 0.1.0
 */
public final class MediaValidationStage extends BuiltInStage {

    public static final String NAME = "media_validation";

    private final MediaLimits limits;

    public MediaValidationStage(MediaLimits limits) {
        super(NAME, StageType.TRANSFORM);
        this.limits = limits;
    }

    @Override
    public Flux<StreamElement> process(Flux<StreamElement> in, TurnContext turn) {
        return in.concatMap(element -> isNewWithMedia(element) ? Mono.fromCallable(() -> checked(element, turn))
                .subscribeOn(Schedulers.boundedElastic()) : Mono.just(element));
    }

    private StreamElement checked(StreamElement element, TurnContext turn) {
        try {
            limits.check(element.message());
            publish(turn, true, "media within the pack's limits");
            return element;
        }
        catch (MediaValidationException ex) {
            publish(turn, false, ex.reason());
            throw ex;
        }
    }

    private static void publish(TurnContext turn, boolean passed, String message) {
        turn.publish(() -> new ValidationEvent(Instant.now(), turn.conversationId(),
                MediaValidationException.VALIDATOR_TYPE, passed, message));
    }

    private static boolean isNewWithMedia(StreamElement element) {
        return element.isMessage() && element.message().hasMedia();
    }
}
