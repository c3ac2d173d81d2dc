/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.sample;

import dev.promptkit.pipeline.PlacedStage;
import dev.promptkit.pipeline.StageType;
import dev.promptkit.pipeline.StagePlacement;
import dev.promptkit.pipeline.StreamElement;
import dev.promptkit.pipeline.TurnContext;
import dev.promptkit.types.Role;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;

/**
 * A custom pipeline stage (an extension point): masks anything that looks like a payment card number in
 * what the model answers, before it is validated, stored or shown. Streamed text is held back from the last
 * run of digits, spaces and dashes until the next delta (or the end of the answer) shows where that run ends,
 * so a number split across deltas is masked in the stream too; the assistant's whole message is masked as well.
 */
@Component
class CardNumberRedaction implements PlacedStage {

    private static final Pattern CARD_NUMBER = Pattern.compile("\\b\\d(?:[ -]?\\d){12,18}\\b");

    @Override
    public String name() {
        return "redact-card-numbers";
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
            StringBuilder held = new StringBuilder();
            return in.concatMapIterable(element -> {
                if (element.isText()) {
                    held.append(element.text());
                    String ready = held.substring(0, heldBackFrom(held));
                    held.delete(0, ready.length());
                    return ready.isEmpty() ? List.of() : List.of(StreamElement.text(mask(ready)));
                }
                List<StreamElement> out = new ArrayList<>(2);
                flush(held, out);
                out.add(maskedMessage(element));
                return out;
            }).concatWith(Flux.defer(() -> {
                List<StreamElement> rest = new ArrayList<>(1);
                flush(held, rest);
                return Flux.fromIterable(rest);
            }));
        });
    }

    private static StreamElement maskedMessage(StreamElement element) {
        if (element.isMessage() && element.message().role() == Role.ASSISTANT
                && element.message().content() != null) {
            return StreamElement.message(element.message().withContent(mask(element.message().content())));
        }
        return element;
    }

    private static void flush(StringBuilder held, List<StreamElement> out) {
        if (!held.isEmpty()) {
            out.add(StreamElement.text(mask(held.toString())));
            held.setLength(0);
        }
    }

    /** Where a trailing run of digits, spaces and dashes with a digit in it starts: a card number may go on. */
    static int heldBackFrom(CharSequence text) {
        int start = text.length();
        boolean digits = false;
        while (start > 0 && isPartOfANumber(text.charAt(start - 1))) {
            digits |= Character.isDigit(text.charAt(start - 1));
            start--;
        }
        // spaces and dashes alone start no number: only a run with a digit may go on in the next delta
        return digits ? start : text.length();
    }

    private static boolean isPartOfANumber(char c) {
        return Character.isDigit(c) || c == ' ' || c == '-';
    }

    static String mask(String text) {
        return CARD_NUMBER.matcher(text).replaceAll("[card number]");
    }
}
