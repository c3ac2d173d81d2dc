/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.validation;

/**
 * How a conversation treats its pack's validators.
 *
 * @since 0.1.0
 */
public enum ValidationMode {

    /**
     * The default. Validators run and every result is recorded; a failure of a validator with
     * {@code fail_on_violation: true} (of any validator, with strict validation) fails the turn with a
     * {@link ValidationException}. Streaming validators stop an answer at its first violation.
     */
    ERROR,

    /** Validators run and every result is recorded; nothing fails a turn and no answer is stopped. */
    WARN,

    /** Validators do not run (the pack's validators are still checked when the conversation opens). */
    DISABLED
}
