/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.validation;

/**
 * Makes a {@link Validator} of one type from the {@code params} a pack gives it; called once per validator
 * when a conversation opens. It must read every param it accepts (through {@link ValidatorParams}, which
 * resolves aliases and types): a param nobody read is reported as unknown, so typos in a pack fail at open.
 * Reject unusable params by throwing {@link IllegalArgumentException} with a message naming the param.
 *
 * @since 0.1.0
 */
@FunctionalInterface
public interface ValidatorFactory {

    Validator create(ValidatorParams params);
}
