/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.pack;

import dev.promptkit.PromptKitException;

/**
 * A variable's value breaks what its prompt declares: a required variable is missing or empty, or a value fails its
 * declared type or one of its {@code validation} rules. The message names the variable, the rule and (shortened if
 * long) the offending value.
 *
 * @since 0.1.0
 */
public class VariableException extends PromptKitException {

    private static final long serialVersionUID = 1L;

    private final String variable;
    private final String rule;

    public VariableException(String variable, String rule, String message) {
        super(message);
        this.variable = variable;
        this.rule = rule;
    }

    /** The name of the variable at fault. */
    public String variable() {
        return variable;
    }

    /**
     * The rule it breaks: {@code required}, {@code type}, or a {@code validation} key ({@code pattern},
     * {@code min_length}, {@code max_length}, {@code minimum}, {@code maximum}, {@code enum}).
     */
    public String rule() {
        return rule;
    }
}
