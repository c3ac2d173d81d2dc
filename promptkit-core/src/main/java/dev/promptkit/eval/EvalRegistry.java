/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.eval;

import dev.promptkit.pack.Eval;
import dev.promptkit.pack.Pack;
import dev.promptkit.pack.PackWarning;
import dev.promptkit.pack.Prompt;
import dev.promptkit.validation.Validator;
import dev.promptkit.validation.ValidatorParams;
import dev.promptkit.validation.ValidatorRegistry;
import dev.promptkit.validation.Verdict;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Eval handler types by name: the built-ins, every {@link EvalHandlerLibrary} on the class path, those registered
 * here, and every validator type (a validator's verdict scores 1 or 0). Compiles a prompt's evals into an
 * {@link EvalPlan}, reporting unknown types and triggers, unknown or bad params as {@link PackWarning}s (logged once,
 * at WARN) instead of failing the pack. {@code llm_judge} needs a {@link #judge judge}.
 */
public final class EvalRegistry {

    private static final Logger log = LoggerFactory.getLogger(EvalRegistry.class);

    private final Map<String, EvalHandlerFactory> factories = new ConcurrentHashMap<>();
    private final ValidatorRegistry validators;

    private EvalRegistry(ValidatorRegistry validators) {
        this.validators = validators;
    }

    /** The built-in handlers, the class path's libraries, and the validators of {@code validators}. */
    public static EvalRegistry standard(ValidatorRegistry validators) {
        return withStandardHandlers(new EvalRegistry(Objects.requireNonNull(validators, "validators")));
    }

    /** The built-in handlers and the class path's libraries, without validator types (for {@link EvalGuardrails}). */
    static EvalRegistry handlersOnly() {
        return withStandardHandlers(new EvalRegistry(null));
    }

    private static EvalRegistry withStandardHandlers(EvalRegistry registry) {
        registry.registerAll(new BuiltInEvalHandlers());
        registry.register(LlmJudgeHandler.TYPE, params -> {
            throw new IllegalArgumentException("llm_judge needs a judge model: EvalRegistry.judge(JudgeSettings) "
                    + "or the property promptkit.eval.judge.provider");
        });
        ServiceLoader.load(EvalHandlerLibrary.class).forEach(registry::registerAll);
        return registry;
    }

    /** Lets {@code llm_judge} evals ask {@code settings}' model. */
    public EvalRegistry judge(JudgeSettings settings) {
        return register(LlmJudgeHandler.TYPE, LlmJudgeHandler.factory(Objects.requireNonNull(settings, "settings")));
    }

    /** The handler types registered here (not the validator types it also runs), sorted. */
    public Set<String> types() {
        return new TreeSet<>(factories.keySet());
    }

    /**
     * The handler types that judge a text, not a whole turn (its tool calls, time or cost): what a pack's
     * {@code validators[]} may name as guardrails. See {@link EvalGuardrails}.
     */
    public Map<String, EvalHandlerFactory> textHandlers() {
        Map<String, EvalHandlerFactory> text = new LinkedHashMap<>(factories);
        text.keySet().removeAll(BuiltInEvalHandlers.TURN_TYPES);
        return Collections.unmodifiableMap(text);
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
        List<PackWarning> warnings = new ArrayList<>();
        evals.forEach((id, eval) -> {
            if (!eval.enabled()) {
                return;
            }
            if (EvalTrigger.of(eval.trigger()).isEmpty()) {
                warnings.add(warning(pack, pointers.get(id), "eval '" + id + "' (" + eval.type()
                        + ") cannot run: unknown trigger '" + eval.trigger() + "', valid: " + EvalTrigger.names()));
                return;
            }
            try {
                EvalPrecondition.of(eval.when());
                compiled.add(new CompiledEval(eval, handler(eval)));
            }
            catch (IllegalArgumentException ex) {
                warnings.add(warning(pack, pointers.get(id), "eval '" + id + "' (" + eval.type() + ") cannot run: "
                        + ex.getMessage()));
            }
        });
        return new EvalPlan(compiled, warnings);
    }

    private static PackWarning warning(Pack pack, String pointer, String message) {
        PackWarning warning = new PackWarning("pack " + pack.id(), pointer, message);
        log.warn("Pack warning: {}", warning);
        return warning;
    }

    private EvalHandler handler(Eval eval) {
        EvalHandlerFactory factory = eval.type() == null ? null : factories.get(eval.type());
        if (factory != null) {
            ValidatorParams params = new ValidatorParams(eval.params());
            EvalHandler handler = factory.create(params);
            Set<String> unknown = params.unread();
            if (!unknown.isEmpty()) {
                throw new IllegalArgumentException("unknown params " + unknown + "; accepted: "
                        + new TreeSet<>(params.read()));
            }
            return Objects.requireNonNull(handler, () -> "the factory of '" + eval.type() + "' returned null");
        }
        if (eval.type() != null && validators != null && validators.types().contains(eval.type())) {
            Validator validator = validators.create(eval.type(), eval.params());
            return context -> {
                Verdict verdict = validator.validate(context.output());
                return verdict.passed() ? EvalScore.pass() : EvalScore.fail(verdict.message());
            };
        }
        throw new IllegalArgumentException("unknown eval type '" + eval.type() + "'; known types: "
                + String.join(", ", types())
                + (validators == null ? "" : " and the validator types " + String.join(", ", validators.types())));
    }
}
