/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.validation;

import dev.promptkit.types.ValidationResult;
import java.time.Instant;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * One validator of a prompt, ready to run: its type as the pack names it, the {@link Validator}, which messages
 * it judges, whether a failure must fail the turn, the message to report on failure, and its JSON pointer in
 * the pack. Made by {@link ValidatorRegistry#compile}.
 *
 * @param message the pack's {@code message} for the validator (else {@code params.message}); {@code null} to
 *     report the validator's own message
 * @param pointer where the validator is declared, for example {@code /prompts/chat/validators/0}
 *
 * @since 0.1.0
 */
public record PromptValidator(String type, Validator validator, Direction direction, boolean failOnViolation,
        String message, String pointer) {

    /** Which messages a validator judges, from {@code params.direction}; {@link #OUTPUT} when absent. */
    public enum Direction {
        /** The user's message, before the provider is called. */
        INPUT,
        /** The model's final answer of the turn (and, for a {@link StreamingValidator}, the answer as it streams). */
        OUTPUT,
        /** Both. */
        BOTH;

        static Direction parse(String value) {
            try {
                return valueOf(value.toUpperCase(Locale.ROOT));
            }
            catch (IllegalArgumentException ex) {
                throw new IllegalArgumentException("'direction' must be input, output or both, got " + value, ex);
            }
        }
    }

    public boolean checksInput() {
        return direction != Direction.OUTPUT;
    }

    public boolean checksOutput() {
        return direction != Direction.INPUT;
    }

    /** Whether it can also judge an answer while it streams. */
    public boolean streams() {
        return validator instanceof StreamingValidator;
    }

    /** Judges a whole text. */
    public ValidationResult check(String text) {
        return result(validator.validate(text));
    }

    /**
     * Judges a streaming answer so far (see {@link StreamingValidator#validatePartial}); empty while it passes.
     *
     * @throws ClassCastException when the validator does not {@link #streams() stream}
     */
    public Optional<ValidationResult> checkPartial(CharSequence text, int deltaStart) {
        Verdict verdict = ((StreamingValidator) validator).validatePartial(text, deltaStart);
        return verdict.passed() ? Optional.empty() : Optional.of(result(verdict));
    }

    private ValidationResult result(Verdict verdict) {
        if (verdict.passed()) {
            return new ValidationResult(type, true, null, verdict.details(), Instant.now());
        }
        if (message == null) {
            return ValidationResult.fail(type, verdict.message(), verdict.details());
        }
        Map<String, Object> details = new HashMap<>(verdict.details());
        details.put("reason", verdict.message());
        return ValidationResult.fail(type, message, details);
    }
}
