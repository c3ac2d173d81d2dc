/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.eval;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.DoubleSupplier;

/**
 * The live evals of one conversation: picks, by their {@link EvalTrigger} and sample rate, which of a plan's evals
 * run after a turn and which when the conversation ends. A {@code sample_sessions} eval is drawn once for the
 * conversation; a {@code sample_turns} eval at every turn. Thread-safe.
 *
 * @since 0.1.0
 */
public final class LiveEvalSession {

    private final EvalPlan plan;
    private final Double samplePercentage;
    private final DoubleSupplier random;
    private final Map<String, Boolean> sessionDraws = new ConcurrentHashMap<>();

    LiveEvalSession(EvalPlan plan, Double samplePercentage, DoubleSupplier random) {
        this.plan = plan;
        this.samplePercentage = samplePercentage;
        this.random = random;
    }

    /** The plan this conversation's evals come from. */
    public EvalPlan plan() {
        return plan;
    }

    /** The evals to run after this turn. */
    public List<CompiledEval> forTurn() {
        return plan.evals().stream().filter(eval -> switch (trigger(eval)) {
            case EVERY_TURN, ON_WORKFLOW_STEP -> true;
            case SAMPLE_TURNS -> drawn(eval);
            case SAMPLE_SESSIONS -> sessionDraws.computeIfAbsent(eval.definition().id(), id -> drawn(eval));
            case ON_SESSION_COMPLETE, ON_CONVERSATION_COMPLETE -> false;
        }).toList();
    }

    /** The evals to run on the whole conversation when it ends. */
    public List<CompiledEval> atEnd() {
        return plan.evals().stream().filter(eval -> trigger(eval).atSessionEnd()).toList();
    }

    private boolean drawn(CompiledEval eval) {
        double percentage = samplePercentage != null ? samplePercentage : eval.definition().samplePercentage();
        return random.getAsDouble() * 100 < percentage;
    }

    private static EvalTrigger trigger(CompiledEval eval) {
        return EvalTrigger.of(eval.definition().trigger()).orElseThrow(() -> new IllegalStateException(
                "eval " + eval.definition().id() + " has an unchecked trigger " + eval.definition().trigger()));
    }
}
