/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.eval;

import dev.promptkit.validation.ValidatorParams;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The built-in handlers that look beyond the output text: {@code tools_called}, {@code tools_not_called},
 * {@code tool_args}, {@code latency_budget}, {@code cost_budget}, {@code token_budget} and {@code pii}. Text
 * checks (contains, regex, json_schema, lengths, sentences) come from the validator registry.
 */
final class BuiltInEvalHandlers implements EvalHandlerLibrary {

    @Override
    public Map<String, EvalHandlerFactory> handlers() {
        Map<String, EvalHandlerFactory> handlers = new LinkedHashMap<>();
        handlers.put("tools_called", BuiltInEvalHandlers::toolsCalled);
        handlers.put("tools_not_called", BuiltInEvalHandlers::toolsNotCalled);
        handlers.put("tool_args", BuiltInEvalHandlers::toolArgs);
        handlers.put("latency_budget", BuiltInEvalHandlers::latency);
        handlers.put("cost_budget", BuiltInEvalHandlers::cost);
        handlers.put("token_budget", BuiltInEvalHandlers::tokens);
        handlers.put("pii", PiiDetector::create);
        return handlers;
    }

    private static EvalHandler toolsCalled(ValidatorParams params) {
        List<String> tools = params.requiredStrings("tools");
        return context -> {
            List<String> missing = tools.stream().filter(tool -> !called(context, tool)).toList();
            return missing.isEmpty() ? EvalScore.pass() : EvalScore.fail("tools not called: " + missing);
        };
    }

    private static EvalHandler toolsNotCalled(ValidatorParams params) {
        List<String> tools = params.requiredStrings("tools");
        return context -> {
            List<String> called = tools.stream().filter(tool -> called(context, tool)).toList();
            return called.isEmpty() ? EvalScore.pass() : EvalScore.fail("forbidden tools called: " + called);
        };
    }

    private static EvalHandler toolArgs(ValidatorParams params) {
        String tool = params.requiredString("tool");
        Map<String, Object> expected = params.requiredObject("args");
        return context -> context.toolCalls().stream()
                .filter(call -> call.name().equals(tool))
                .anyMatch(call -> expected.entrySet().stream()
                        .allMatch(e -> Objects.equals(call.arguments().get(e.getKey()), e.getValue())))
                ? EvalScore.pass() : EvalScore.fail("no call of " + tool + " with arguments " + expected);
    }

    private static EvalHandler latency(ValidatorParams params) {
        int maxMs = params.positiveInteger("max_ms").orElseThrow(() -> new IllegalArgumentException("needs 'max_ms'"));
        return context -> context.latency().toMillis() <= maxMs ? EvalScore.pass()
                : EvalScore.fail("took " + context.latency().toMillis() + " ms, budget " + maxMs + " ms");
    }

    private static EvalHandler cost(ValidatorParams params) {
        Object given = params.value("max_cost").orElseThrow(() -> new IllegalArgumentException("needs 'max_cost'"));
        if (!(given instanceof Number number)) {
            throw new IllegalArgumentException("'max_cost' must be a number, got " + given);
        }
        BigDecimal max = new BigDecimal(number.toString());
        return context -> context.cost().compareTo(max) <= 0 ? EvalScore.pass()
                : EvalScore.fail("cost " + context.cost().toPlainString() + ", budget " + max.toPlainString());
    }

    private static EvalHandler tokens(ValidatorParams params) {
        int max = params.positiveInteger("max_tokens")
                .orElseThrow(() -> new IllegalArgumentException("needs 'max_tokens'"));
        return context -> context.tokens() <= max ? EvalScore.pass()
                : EvalScore.fail("used " + context.tokens() + " tokens, budget " + max);
    }

    private static boolean called(EvalContext context, String tool) {
        return context.toolCalls().stream().anyMatch(call -> call.name().equals(tool));
    }
}
