package dev.promptkit.sample;

import dev.promptkit.pipeline.PlacedStage;
import dev.promptkit.pipeline.StageType;
import dev.promptkit.pipeline.StagePlacement;
import dev.promptkit.pipeline.StreamElement;
import dev.promptkit.pipeline.TurnContext;
import dev.promptkit.types.Role;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;

/**
 * A custom pipeline stage (an extension point): masks anything that looks like a payment card number in
 * what the model answers, before it is validated, stored or shown. Card numbers are checked in the
 * assistant's whole message; streamed deltas are masked as they pass (a number split across two deltas is
 * still masked in the stored message).
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
        return in.map(element -> {
            if (element.isText()) {
                return StreamElement.text(mask(element.text()));
            }
            if (element.isMessage() && !element.fromHistory() && element.message().role() == Role.ASSISTANT
                    && element.message().content() != null) {
                return StreamElement.message(element.message().withContent(mask(element.message().content())));
            }
            return element;
        });
    }

    static String mask(String text) {
        return CARD_NUMBER.matcher(text).replaceAll("[card number]");
    }
}
