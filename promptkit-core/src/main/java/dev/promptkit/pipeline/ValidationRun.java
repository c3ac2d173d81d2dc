/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.pipeline;

import dev.promptkit.event.ValidationEvent;
import dev.promptkit.types.Message;
import dev.promptkit.types.ValidationResult;
import dev.promptkit.validation.PromptValidator;
import dev.promptkit.validation.ValidationException;
import dev.promptkit.validation.ValidationPolicy;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Every validator's result on one text, and the first failure that must fail the turn, if any. */
record ValidationRun(List<ValidationResult> results, ValidationException failure) {

    static ValidationRun of(List<PromptValidator> validators, ValidationPolicy policy, String text) {
        List<ValidationResult> results = new ArrayList<>(validators.size());
        ValidationException failure = null;
        for (PromptValidator validator : validators) {
            ValidationResult result = validator.check(text);
            results.add(result);
            if (failure == null && policy.failsTurn(validator, result)) {
                failure = ValidationException.of(result);
            }
        }
        return new ValidationRun(results, failure);
    }

    /** Publishes one validation event per result. */
    void publish(TurnContext turn) {
        for (ValidationResult result : results) {
            publish(turn, result);
        }
    }

    static void publish(TurnContext turn, ValidationResult result) {
        turn.publish(() -> new ValidationEvent(Instant.now(), turn.conversationId(), result.validatorType(),
                result.passed(), result.message()));
    }

    /** The element's message with these results added to its validations; metadata kept. */
    StreamElement attachTo(StreamElement element) {
        Message message = element.message();
        List<ValidationResult> validations = new ArrayList<>(message.validations());
        validations.addAll(results);
        StreamElement judged = StreamElement.message(message.withValidations(validations));
        for (Map.Entry<String, Object> entry : element.metadata().entrySet()) {
            judged = judged.withMetadata(entry.getKey(), entry.getValue());
        }
        return judged;
    }
}
