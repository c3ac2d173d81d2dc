/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.pipeline;

import dev.promptkit.types.Role;
import dev.promptkit.validation.PromptValidator;
import dev.promptkit.validation.ValidationException;
import dev.promptkit.validation.ValidationPolicy;
import java.util.List;
import java.util.function.Predicate;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * What the validation stages share: their validators and policy, their type ({@link StageType#TRANSFORM}), and
 * the check-and-fail flow that judges whole messages with a {@link ValidationRun}.
 */
abstract class ValidationStage extends BuiltInStage {

    final List<PromptValidator> validators;
    final ValidationPolicy policy;
    private final Predicate<StreamElement> judged;

    /** @param judged the messages {@link #process} judges; {@code null} for a stage with its own {@code process} */
    ValidationStage(String name, List<PromptValidator> validators, ValidationPolicy policy,
            Predicate<StreamElement> judged) {
        super(name, StageType.TRANSFORM);
        this.validators = List.copyOf(validators);
        this.policy = policy;
        this.judged = judged;
    }

    @Override
    public Flux<StreamElement> process(Flux<StreamElement> in, TurnContext turn) {
        return judgeMessages(in, turn, judged);
    }

    /**
     * Runs every validator on the text of each message {@code judged} accepts, publishes the results and either
     * attaches them to the message or, when one must fail the turn, ends the stream with that failure. Other
     * elements pass unchanged. When a validator {@link dev.promptkit.validation.Validator#blocks() blocks}, the
     * judging runs on a worker thread.
     */
    final Flux<StreamElement> judgeMessages(Flux<StreamElement> in, TurnContext turn,
            Predicate<StreamElement> judged) {
        if (validators.stream().anyMatch(validator -> validator.validator().blocks())) {
            return in.concatMap(element -> judged.test(element)
                    ? Mono.fromCallable(() -> judge(element, turn)).subscribeOn(Schedulers.boundedElastic())
                    : Mono.just(element));
        }
        return in.handle((element, sink) -> {
            if (!judged.test(element)) {
                sink.next(element);
                return;
            }
            try {
                sink.next(judge(element, turn));
            }
            catch (ValidationException ex) {
                sink.error(ex);
            }
        });
    }

    /** The element with every validator's result attached; throws the failure that must fail the turn. */
    private StreamElement judge(StreamElement element, TurnContext turn) {
        ValidationRun run = ValidationRun.of(validators, policy, element.message().text());
        run.publish(turn);
        if (run.failure() != null) {
            throw run.failure();
        }
        return run.attachTo(element);
    }

    /** Whether the element is a message from {@code role} (every message in the stream is the turn's own). */
    static boolean isMessageFrom(StreamElement element, Role role) {
        return element.isMessage() && element.message().role() == role;
    }
}
