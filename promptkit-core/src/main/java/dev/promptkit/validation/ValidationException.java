/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.validation;

import dev.promptkit.PromptKitException;
import dev.promptkit.types.ValidationResult;
import java.util.Map;

/**
 * A validator failed a turn: the user's message (an input validator) or the model's answer broke a rule that
 * must hold. Thrown only in {@link ValidationMode#ERROR}, for validators with {@code fail_on_violation: true} or
 * under strict validation. The turn stores nothing.
 *
 * @since 0.1.0
 */
public class ValidationException extends PromptKitException {

    private static final long serialVersionUID = 1L;

    private final String validatorType;
    private final String reason;
    private final Map<String, Object> details;

    public ValidationException(String validatorType, String message, Map<String, Object> details) {
        this(validatorType, message, details, "Validator '" + validatorType + "' failed: " + message);
    }

    /** For a subclass that words the exception's message itself; {@code reason} is still what failed. */
    protected ValidationException(String validatorType, String reason, Map<String, Object> details,
            String exceptionMessage) {
        super(exceptionMessage);
        this.validatorType = validatorType;
        this.reason = reason;
        this.details = details == null ? Map.of() : Map.copyOf(details);
    }

    /** The exception for a failed result. */
    public static ValidationException of(ValidationResult result) {
        return new ValidationException(result.validatorType(), result.message(), result.details());
    }

    /** The validator's type as the pack names it (for example {@code banned_words}). */
    public String validatorType() {
        return validatorType;
    }

    /** Why it failed: the pack's {@code message} for the validator when it has one, else the validator's own. */
    public String reason() {
        return reason;
    }

    /** What the validator measured or found (see each validator type). */
    public Map<String, Object> details() {
        return details;
    }
}
