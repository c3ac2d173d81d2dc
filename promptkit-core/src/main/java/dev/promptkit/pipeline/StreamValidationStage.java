/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.pipeline;

import dev.promptkit.types.Message;
import dev.promptkit.types.ReasoningTrace;
import dev.promptkit.types.Role;
import dev.promptkit.types.ValidationResult;
import dev.promptkit.validation.PromptValidator;
import dev.promptkit.validation.StreamingValidator;
import dev.promptkit.validation.ValidationException;
import dev.promptkit.validation.ValidationPolicy;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Judges each answer while it streams with the prompt's {@link StreamingValidator}s and stops it at the first
 * violation: that delta and the rest are not delivered and the provider call is cancelled. A violation that must
 * fail the turn (see {@link ValidationPolicy}) fails it with a {@link ValidationException}; otherwise the stopped
 * answer is emitted with the text delivered, the violation and the finish reason {@value #FINISH_REASON}. Placed
 * right after the provider stage, only in {@link dev.promptkit.validation.ValidationMode#ERROR}.
 *
 * @since 0.1.0
 */
public final class StreamValidationStage extends ValidationStage {

    public static final String NAME = "stream_validation";

    /** The finish reason of an answer stopped by a validator. */
    public static final String FINISH_REASON = "validation_failed";

    /**
     * @param validators output validators that {@link PromptValidator#streams() stream}, already filtered by the
     *     policy
     */
    public StreamValidationStage(List<PromptValidator> validators, ValidationPolicy policy) {
        super(NAME, validators, policy, null);
    }

    @Override
    public Flux<StreamElement> process(Flux<StreamElement> in, TurnContext turn) {
        return Flux.defer(() -> {
            Answer answer = new Answer();
            return in.<StreamElement>handle((element, sink) -> {
                if (element.isText()) {
                    if (answer.stopsAt(element.text())) {
                        sink.complete();
                        return;
                    }
                }
                else if (element.isReasoning()) {
                    answer.reasoning.append(element.reasoning());
                }
                else if (isMessageFrom(element, Role.ASSISTANT)) {
                    answer.text.setLength(0);
                    answer.reasoning.setLength(0);
                }
                sink.next(element);
            }).concatWith(Mono.defer(() -> answer.violation == null ? Mono.empty() : stopped(answer, turn)));
        });
    }

    private Mono<StreamElement> stopped(Answer answer, TurnContext turn) {
        ValidationRun.publish(turn, answer.violation);
        if (policy.failsTurn(answer.violator, answer.violation)) {
            return Mono.error(ValidationException.of(answer.violation));
        }
        Message message = new Message(Role.ASSISTANT, answer.text.toString(), null, null, null, Instant.now(), null,
                null, FINISH_REASON, List.of(answer.violation), Map.of("model", turn.model()),
                new ReasoningTrace(answer.reasoning.toString(), null, false));
        return Mono.just(StreamElement.message(message));
    }

    /** The answer streaming now: its text and reasoning so far and, once stopped, what stopped it. */
    private final class Answer {

        final StringBuilder text = new StringBuilder();
        final StringBuilder reasoning = new StringBuilder();
        PromptValidator violator;
        ValidationResult violation;

        /** Adds a delta; when it breaks a rule, takes it back and records the violation. */
        boolean stopsAt(String delta) {
            int deltaStart = text.length();
            text.append(delta);
            for (PromptValidator validator : validators) {
                Optional<ValidationResult> result = validator.checkPartial(text, deltaStart);
                if (result.isPresent()) {
                    text.setLength(deltaStart);
                    violator = validator;
                    violation = result.get();
                    return true;
                }
            }
            return false;
        }
    }
}
