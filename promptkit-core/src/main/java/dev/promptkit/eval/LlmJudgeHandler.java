/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.eval;

import dev.promptkit.event.EventBus;
import dev.promptkit.event.Phase;
import dev.promptkit.event.ProviderCallEvent;
import dev.promptkit.provider.CostCalculator;
import dev.promptkit.provider.ProviderRequest;
import dev.promptkit.provider.ProviderResponse;
import dev.promptkit.types.CostInfo;
import dev.promptkit.types.Message;
import dev.promptkit.types.ModelParameters;
import dev.promptkit.types.ResponseFormat;
import dev.promptkit.validation.ValidatorParams;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The {@code llm_judge} handler: asks the {@link JudgeSettings judge model} to score the turn's output against the
 * eval's {@code criteria} (alias {@code judge_prompt}) and optional {@code rubric}, as a JSON object with a score
 * from 0 to 1 and its reasoning (a JSON schema response format). Params {@code model} and {@code system_prompt}
 * override the judge's model and instructions. The score carries the call's cost, which is also published as a
 * {@link ProviderCallEvent} (prompt {@value #TYPE}). Blocks while the judge answers.
 */
final class LlmJudgeHandler implements EvalHandler {

    static final String TYPE = "llm_judge";

    private static final String DEFAULT_SYSTEM_PROMPT = "You are an evaluation judge. Score how well the content "
            + "meets the criteria, from 0 (not at all) to 1 (fully), and explain why briefly. Answer with a JSON "
            + "object only: {\"score\": <number from 0 to 1>, \"reasoning\": \"<string>\"}.";
    private static final ModelParameters PARAMETERS = new ModelParameters(0.0, 1024, null, null, null, null, null);
    private static final ResponseFormat FORMAT = ResponseFormat.jsonSchema("judge_verdict", JudgeVerdict.schema(),
            true);

    private final JudgeSettings judge;
    private final CostCalculator costs;
    private final String model;
    private final String systemPrompt;
    private final String criteria;
    private final String rubric;

    private LlmJudgeHandler(JudgeSettings judge, ValidatorParams params) {
        this.judge = judge;
        this.costs = CostCalculator.forProvider(judge.provider(), Map.of());
        this.criteria = params.requiredString("criteria", "judge_prompt");
        this.rubric = params.string("rubric").orElse(null);
        this.model = params.string("model").orElse(judge.model());
        this.systemPrompt = params.string("system_prompt").orElse(DEFAULT_SYSTEM_PROMPT);
    }

    /** The factory of {@code llm_judge} evals asking {@code judge}. */
    static EvalHandlerFactory factory(JudgeSettings judge) {
        return params -> new LlmJudgeHandler(judge, params);
    }

    @Override
    public EvalScore evaluate(EvalContext context) {
        ProviderRequest request = new ProviderRequest(model, systemPrompt, List.of(Message.user(content(context))),
                null, null, PARAMETERS, FORMAT, null);
        String name = judge.provider().name() + "/" + model;
        publish(Phase.STARTED, null, 0, null);
        long started = System.nanoTime();
        ProviderResponse response;
        try {
            response = judge.provider().call(request).block(judge.timeout());
        }
        catch (RuntimeException ex) {
            publish(Phase.FAILED, null, started, ex);
            throw new IllegalStateException("The judge " + name + " failed: " + ex.getMessage(), ex);
        }
        if (response == null) {
            IllegalStateException empty = new IllegalStateException("The judge " + name + " gave no answer");
            publish(Phase.FAILED, null, started, empty);
            throw empty;
        }
        CostInfo cost = costs.cost(model, response.usage());
        publish(Phase.COMPLETED, cost, started, null);
        JudgeVerdict verdict = JudgeVerdict.parse(response.text(), name);
        return new EvalScore(verdict.score(), verdict.reasoning(), cost.totalCostUsd());
    }

    @Override
    public boolean blocks() {
        return true;
    }

    private String content(EvalContext context) {
        StringBuilder content = new StringBuilder();
        if (!context.input().isEmpty()) {
            content.append("User message:\n").append(context.input()).append("\n\n");
        }
        content.append("Content to evaluate:\n").append(context.output()).append("\n\nCriteria: ").append(criteria);
        if (rubric != null) {
            content.append("\n\nRubric: ").append(rubric);
        }
        return content.toString();
    }

    private void publish(Phase phase, CostInfo cost, long startedNanos, Throwable error) {
        EventBus events = judge.events();
        if (events != null) {
            Duration duration = startedNanos == 0 ? null : Duration.ofNanos(System.nanoTime() - startedNanos);
            events.publish(new ProviderCallEvent(Instant.now(), null, phase, judge.provider().name(), model, TYPE,
                    cost, duration, null, error));
        }
    }
}
