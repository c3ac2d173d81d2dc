/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.validation;

import dev.promptkit.types.ValidationResult;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * How a conversation applies its validators: the {@link ValidationMode}, strict validation (every failure
 * fails the turn, whatever {@code fail_on_violation} says), and validator types switched off by name (the type
 * as the pack writes it).
 *
 * @since 0.1.0
 */
public record ValidationPolicy(ValidationMode mode, boolean strict, Set<String> disabledTypes) {

    /** {@link ValidationMode#ERROR}, not strict, nothing disabled. */
    public static final ValidationPolicy DEFAULT = new ValidationPolicy(ValidationMode.ERROR, false, Set.of());

    public ValidationPolicy {
        Objects.requireNonNull(mode, "mode");
        disabledTypes = Set.copyOf(disabledTypes);
    }

    /** The validators that run: none when disabled, else all but the disabled types. */
    public List<PromptValidator> active(List<PromptValidator> validators) {
        if (mode == ValidationMode.DISABLED) {
            return List.of();
        }
        return validators.stream().filter(validator -> !disabledTypes.contains(validator.type())).toList();
    }

    /** Whether {@code result} of {@code validator} fails the turn. */
    public boolean failsTurn(PromptValidator validator, ValidationResult result) {
        return mode == ValidationMode.ERROR && !result.passed() && (strict || validator.failOnViolation());
    }

    /** Whether a streaming validator's first violation stops the answer. */
    public boolean stopsStreams() {
        return mode == ValidationMode.ERROR;
    }
}
