/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.pipeline;

import dev.promptkit.types.Role;
import dev.promptkit.validation.PromptValidator;
import dev.promptkit.validation.ValidationPolicy;
import java.util.List;

/**
 * Runs the prompt's input validators on the user's message of this turn and attaches their results to it.
 * Placed before the provider stage: a failure that must fail the turn (see {@link ValidationPolicy}) ends it
 * with a {@link dev.promptkit.validation.ValidationException} before the provider is called.
 *
 * @since 0.1.0
 */
public final class InputValidationStage extends ValidationStage {

    public static final String NAME = "input_validation";

    /** @param validators the validators that judge input, already filtered by the policy */
    public InputValidationStage(List<PromptValidator> validators, ValidationPolicy policy) {
        super(NAME, validators, policy, element -> isMessageFrom(element, Role.USER));
    }
}
