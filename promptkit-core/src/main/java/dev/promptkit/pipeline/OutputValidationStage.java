package dev.promptkit.pipeline;

import dev.promptkit.types.Message;
import dev.promptkit.types.Role;
import dev.promptkit.validation.PromptValidator;
import dev.promptkit.validation.ValidationPolicy;
import java.util.List;
import reactor.core.publisher.Flux;

/**
 * Runs the prompt's output validators on the turn's final answer, the assistant message that ends the tool
 * loop, and attaches their results to it. Answers that ask for tools are passed on unjudged, and so is an
 * answer the {@link StreamValidationStage} stopped (it already carries its violation). A failure that must
 * fail the turn (see {@link ValidationPolicy}) ends it with a
 * {@link dev.promptkit.validation.ValidationException}, so nothing is stored.
 */
public final class OutputValidationStage implements Stage {

    public static final String NAME = "output_validation";

    private final List<PromptValidator> validators;
    private final ValidationPolicy policy;

    /** @param validators the validators that judge output, already filtered by the policy */
    public OutputValidationStage(List<PromptValidator> validators, ValidationPolicy policy) {
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
            if (!isFinalAnswer(element)) {
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

    private static boolean isFinalAnswer(StreamElement element) {
        if (!element.isMessage() || element.fromHistory()) {
            return false;
        }
        Message message = element.message();
        return message.role() == Role.ASSISTANT && !message.hasToolCalls()
                && !StreamValidationStage.FINISH_REASON.equals(message.finishReason());
    }
}
