/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.eval;

import dev.promptkit.validation.ValidatorParams;

/** Builds a handler from an eval's {@code params}, failing with {@link IllegalArgumentException} on bad ones. */
@FunctionalInterface
public interface EvalHandlerFactory {

    EvalHandler create(ValidatorParams params);
}
