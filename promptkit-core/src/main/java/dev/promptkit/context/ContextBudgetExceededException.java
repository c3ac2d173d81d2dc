/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.context;

import dev.promptkit.PromptKitException;

/**
 * A request does not fit its token budget: with {@link Truncation#FAIL} as soon as the conversation does not
 * fit, with any strategy when even the current exchange (the latest user message and what follows it) does
 * not fit.
 *
 * @since 0.1.0
 */
public class ContextBudgetExceededException extends PromptKitException {

    private static final long serialVersionUID = 1L;

    private final int budget;
    private final int required;

    /**
     * @param budget the token budget
     * @param required the tokens the request needs, counted as the budget is (output reserve included)
     * @param what what needs them, for the message
     */
    public ContextBudgetExceededException(int budget, int required, String what) {
        super(what + " needs " + required + " tokens but the token budget is " + budget);
        this.budget = budget;
        this.required = required;
    }

    public int budget() {
        return budget;
    }

    public int required() {
        return required;
    }
}
