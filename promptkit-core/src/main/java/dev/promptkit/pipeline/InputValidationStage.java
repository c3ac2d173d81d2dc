package dev.promptkit.pipeline;

import dev.promptkit.types.Role;
import dev.promptkit.validation.PromptValidator;
import dev.promptkit.validation.ValidationPolicy;
import java.util.List;
import reactor.core.publisher.Flux;

/**
 * Runs the prompt's input validators on the user's message of this turn and attaches their results to it.
 * Placed before the provider stage: a failure that must fail the turn (see {@link ValidationPolicy}) ends it
 * with a {@link dev.promptkit.validation.ValidationException} before the provider is called.
 */
public final class InputValidationStage implements Stage {

    public static final String NAME = "input_validation";

    private final List<PromptValidator> validators;
    private final ValidationPolicy policy;

    /** @param validators the validators that judge input, already filtered by the policy */
    public InputValidationStage(List<PromptValidator> validators, ValidationPolicy policy) {
        this.validators = List.copyOf(validators);
        this.policy = policy;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public StageType type() {
        return StageType.TRANSFORM;
    }

    @Override
    public Flux<StreamElement> process(Flux<StreamElement> in, TurnContext turn) {
        return in.handle((element, sink) -> {
            if (!element.isMessage() || element.fromHistory() || element.message().role() != Role.USER) {
                sink.next(element);
                return;
            }
            ValidationRun run = ValidationRun.of(validators, policy, element.message().text());
            run.publish(turn);
            if (run.failure() != null) {
                sink.error(run.failure());
            }
            else {
                sink.next(run.attachTo(element));
            }
        });
    }
}
