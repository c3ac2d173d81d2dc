/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.eval;

import dev.promptkit.validation.ValidatorFactory;
import dev.promptkit.validation.ValidatorLibrary;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Eval handlers as guardrails: a pack's {@code validators[]} entry may name an eval handler type that judges a text
 * ({@code pii_leakage}, {@code llm_judge}, your own), as in the Go original, and then runs like any validator, on
 * the user's message ({@code params.direction: input}, before the provider is called) or the answer (the default,
 * before it is returned or stored), under the conversation's validation mode. It fails when the score falls under
 * {@code params.min_score} or over {@code params.max_score}; without either, when it is under 1.
 *
 * <pre>{@code
 * "validators": [{"type": "pii_leakage", "fail_on_violation": true, "message": "No personal data, please."},
 *                {"type": "llm_judge", "fail_on_violation": true,
 *                 "params": {"criteria": "Stays polite", "min_score": 0.7}}]
 * }</pre>
 *
 * The standard validator registry finds the built-in and class path handlers through {@link java.util.ServiceLoader};
 * for {@code llm_judge} or handlers registered at run time, add them from your eval registry:
 * {@code ValidatorRegistry.standard().registerAll(EvalGuardrails.of(evals))}.
 */
public final class EvalGuardrails implements ValidatorLibrary {

    private final Map<String, EvalHandlerFactory> handlers;

    /** The built-in text handlers and those of the class path's {@link EvalHandlerLibrary}s. */
    public EvalGuardrails() {
        this(EvalRegistry.handlersOnly());
    }

    private EvalGuardrails(EvalRegistry registry) {
        this.handlers = registry.textHandlers();
    }

    /** The text handlers of {@code registry} (its judge and custom handlers included) as guardrails. */
    public static EvalGuardrails of(EvalRegistry registry) {
        return new EvalGuardrails(Objects.requireNonNull(registry, "registry"));
    }

    @Override
    public Map<String, ValidatorFactory> validators() {
        Map<String, ValidatorFactory> validators = new LinkedHashMap<>();
        handlers.forEach((type, factory) -> validators.put(type, params -> EvalGuardrail.create(type, factory,
                params)));
        return validators;
    }
}
