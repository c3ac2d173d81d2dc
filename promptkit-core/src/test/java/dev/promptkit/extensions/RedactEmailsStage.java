/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.extensions;

import dev.promptkit.pipeline.PlacedStage;
import dev.promptkit.pipeline.StageType;
import dev.promptkit.pipeline.StagePlacement;
import dev.promptkit.pipeline.StreamElement;
import dev.promptkit.pipeline.TurnContext;
import dev.promptkit.types.Message;
import dev.promptkit.types.Role;
import java.util.regex.Pattern;
import reactor.core.publisher.Flux;

/**
 * A custom stage as an application writes one: redacts e-mail addresses from the model's streamed
 * answer and from the stored message. An address may be split across chunks, so the text after the last
 * space is held back until the next chunk (or the end of the answer) shows where it ends.
 */
public final class RedactEmailsStage implements PlacedStage {

    private static final Pattern EMAIL = Pattern.compile("[\\w.+-]+@[\\w-]+(\\.[\\w-]+)+");

    @Override
    public String name() {
        return "redact-emails";
    }

    @Override
    public StageType type() {
        return StageType.TRANSFORM;
    }

    @Override
    public StagePlacement placement() {
        return StagePlacement.after("provider");
    }

    @Override
    public Flux<StreamElement> process(Flux<StreamElement> in, TurnContext turn) {
        return Flux.defer(() -> {
            StringBuilder heldBack = new StringBuilder();
            return in.concatMap(element -> {
                if (element.isText()) {
                    heldBack.append(element.text());
                    int end = Math.max(heldBack.lastIndexOf(" "), heldBack.lastIndexOf("\n")) + 1;
                    if (end == 0) {
                        return Flux.empty();
                    }
                    String ready = heldBack.substring(0, end);
                    heldBack.delete(0, end);
                    return Flux.just(StreamElement.text(redact(ready)));
                }
                if (element.isMessage() && element.message().role() == Role.ASSISTANT) {
                    Message answer = element.message();
                    StreamElement redacted = StreamElement.message(answer.withContent(
                            answer.content() == null ? null : redact(answer.content())));
                    String rest = heldBack.toString();
                    heldBack.setLength(0);
                    return rest.isEmpty() ? Flux.just(redacted) : Flux.just(StreamElement.text(redact(rest)), redacted);
                }
                return Flux.just(element);
            });
        });
    }

    static String redact(String text) {
        return EMAIL.matcher(text).replaceAll("[email]");
    }
}
