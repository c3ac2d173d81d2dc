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
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/**
 * The built-in handlers that look beyond the output text, under the Go original's names and params:
 * {@code tools_called} (alias {@code tool_called}), {@code tools_not_called}, {@code tool_args},
 * {@code latency_budget}, {@code cost_budget} and {@code token_budget}; and {@code pii_leakage} (alias {@code pii}),
 * which judges the text. Other text checks (contains, regex, json_schema, lengths, sentence_count, field_presence,
 * content_excludes) come from the validator registry.
 */
final class BuiltInEvalHandlers implements EvalHandlerLibrary {

    /** The types that judge the turn (tools, time, cost), not a text: they cannot be guardrails. */
    static final Set<String> TURN_TYPES = Set.of("tools_called", "tool_called", "tools_not_called", "tool_args",
            "latency_budget", "cost_budget", "token_budget");

    @Override
    public Map<String, EvalHandlerFactory> handlers() {
        Map<String, EvalHandlerFactory> handlers = new LinkedHashMap<>();
        handlers.put("tools_called", BuiltInEvalHandlers::toolsCalled);
        handlers.put("tool_called", BuiltInEvalHandlers::toolsCalled);
        handlers.put("tools_not_called", BuiltInEvalHandlers::toolsNotCalled);
        handlers.put("tool_args", BuiltInEvalHandlers::toolArgs);
        handlers.put("latency_budget", BuiltInEvalHandlers::latency);
        handlers.put("cost_budget", BuiltInEvalHandlers::cost);
        handlers.put("token_budget", BuiltInEvalHandlers::tokens);
        handlers.put("pii_leakage", PiiDetector::create);
        handlers.put("pii", PiiDetector::create);
        return handlers;
    }

    private static EvalHandler toolsCalled(ValidatorParams params) {
        List<String> tools = params.requiredStrings("tool_names", "tools");
        return context -> {
            List<String> missing = tools.stream().filter(tool -> !called(context, tool)).toList();
            return missing.isEmpty() ? EvalScore.pass() : EvalScore.fail("tools not called: " + missing);
        };
    }

    private static EvalHandler toolsNotCalled(ValidatorParams params) {
        List<String> tools = params.requiredStrings("tool_names", "tools");
        return context -> {
            List<String> called = tools.stream().filter(tool -> called(context, tool)).toList();
            return called.isEmpty() ? EvalScore.pass() : EvalScore.fail("forbidden tools called: " + called);
        };
    }

    private static EvalHandler toolArgs(ValidatorParams params) {
        String tool = params.requiredString("tool_name", "tool");
        Map<String, Object> expected = params.requiredObject("expected_args", "args");
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
        Optional<BigDecimal> maxCost = params.value("max_cost_usd", "max_cost").map(BuiltInEvalHandlers::amount);
        OptionalInt maxTokens = params.positiveInteger("max_total_tokens");
        if (maxCost.isEmpty() && maxTokens.isEmpty()) {
            throw new IllegalArgumentException("needs 'max_cost_usd' or 'max_total_tokens'");
        }
        return context -> {
            if (maxCost.isPresent() && context.cost().compareTo(maxCost.get()) > 0) {
                return EvalScore.fail("cost " + context.cost().toPlainString() + " USD, budget "
                        + maxCost.get().toPlainString() + " USD");
            }
            if (maxTokens.isPresent() && context.tokens() > maxTokens.getAsInt()) {
                return EvalScore.fail("used " + context.tokens() + " tokens, budget " + maxTokens.getAsInt());
            }
            return EvalScore.pass();
        };
    }

    private static EvalHandler tokens(ValidatorParams params) {
        int max = params.positiveInteger("max_tokens", "max_total_tokens")
                .orElseThrow(() -> new IllegalArgumentException("needs 'max_tokens'"));
        return context -> context.tokens() <= max ? EvalScore.pass()
                : EvalScore.fail("used " + context.tokens() + " tokens, budget " + max);
    }

    private static BigDecimal amount(Object given) {
        if (!(given instanceof Number number)) {
            throw new IllegalArgumentException("'max_cost_usd' must be a number, got " + given);
        }
        return new BigDecimal(number.toString());
    }

    private static boolean called(EvalContext context, String tool) {
        return context.toolCalls().stream().anyMatch(call -> call.name().equals(tool));
    }
}
