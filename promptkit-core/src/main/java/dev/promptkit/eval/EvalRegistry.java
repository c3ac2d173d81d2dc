/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.eval;

import dev.promptkit.pack.Eval;
import dev.promptkit.pack.Pack;
import dev.promptkit.pack.Prompt;
import dev.promptkit.validation.Validator;
import dev.promptkit.validation.ValidatorParams;
import dev.promptkit.validation.ValidatorRegistry;
import dev.promptkit.validation.Verdict;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.ServiceLoader;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Eval handler types by name: the built-ins, every {@link EvalHandlerLibrary} on the class path, those registered
 * here, and every validator type (a validator's verdict scores 1 or 0). Compiles a prompt's evals into an
 * {@link EvalPlan}, reporting unknown types and triggers and bad params instead of failing the pack.
 */
public final class EvalRegistry {

    private final Map<String, EvalHandlerFactory> factories = new ConcurrentHashMap<>();
    private final ValidatorRegistry validators;

    private EvalRegistry(ValidatorRegistry validators) {
        this.validators = validators;
    }

    /** The built-in handlers, the class path's libraries, and the validators of {@code validators}. */
    public static EvalRegistry standard(ValidatorRegistry validators) {
        EvalRegistry registry = new EvalRegistry(Objects.requireNonNull(validators, "validators"));
        registry.registerAll(new BuiltInEvalHandlers());
        ServiceLoader.load(EvalHandlerLibrary.class).forEach(registry::registerAll);
        return registry;
    }

    /** Registers (or replaces) handler {@code type}. */
    public EvalRegistry register(String type, EvalHandlerFactory factory) {
        if (type == null || type.isBlank()) {
            throw new IllegalArgumentException("An eval handler type must not be empty");
        }
        factories.put(type, Objects.requireNonNull(factory, "factory"));
        return this;
    }

    public EvalRegistry registerAll(EvalHandlerLibrary library) {
        library.handlers().forEach(this::register);
        return this;
    }

    /** Compiles the enabled evals of {@code promptName}: pack-level ones, overridden by prompt-level ones by id. */
    public EvalPlan compile(Pack pack, String promptName) {
        Prompt prompt = pack.prompt(promptName).orElseThrow(() -> new IllegalArgumentException(
                "Pack " + pack.id() + " has no prompt '" + promptName + "'"));
        Map<String, String> pointers = new LinkedHashMap<>();
        Map<String, Eval> evals = new LinkedHashMap<>();
        for (int i = 0; i < pack.evals().size(); i++) {
            evals.put(pack.evals().get(i).id(), pack.evals().get(i));
            pointers.put(pack.evals().get(i).id(), "/evals/" + i);
        }
        for (int i = 0; i < prompt.evals().size(); i++) {
            evals.put(prompt.evals().get(i).id(), prompt.evals().get(i));
            pointers.put(prompt.evals().get(i).id(), "/prompts/" + promptName.replace("~", "~0").replace("/", "~1")
                    + "/evals/" + i);
        }
        List<CompiledEval> compiled = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        evals.forEach((id, eval) -> {
            if (!eval.enabled()) {
                return;
            }
            String pointer = pack.id() + " " + pointers.get(id) + " (" + eval.type() + ")";
            if (EvalTrigger.of(eval.trigger()).isEmpty()) {
                problems.add(pointer + ": unknown trigger '" + eval.trigger() + "', valid: " + EvalTrigger.names());
                return;
            }
            try {
                EvalPrecondition.of(eval.when());
                compiled.add(new CompiledEval(eval, handler(eval)));
            }
            catch (IllegalArgumentException ex) {
                problems.add(pointer + ": " + ex.getMessage());
            }
        });
        return new EvalPlan(compiled, problems);
    }

    private EvalHandler handler(Eval eval) {
        EvalHandlerFactory factory = eval.type() == null ? null : factories.get(eval.type());
        if (factory != null) {
            return factory.create(new ValidatorParams(eval.params()));
        }
        if (eval.type() != null && validators.types().contains(eval.type())) {
            Validator validator = validators.create(eval.type(), eval.params());
            return context -> {
                Verdict verdict = validator.validate(context.output());
                return verdict.passed() ? EvalScore.pass() : EvalScore.fail(verdict.message());
            };
        }
        throw new IllegalArgumentException("unknown eval type '" + eval.type() + "'");
    }
}
