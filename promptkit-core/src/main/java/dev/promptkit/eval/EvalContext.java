/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.eval;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * What an eval judges about one turn: the user input, the assistant output, the tools it called, how long it took,
 * what it cost and how many tokens it used.
 */
public record EvalContext(String input, String output, List<ToolCall> toolCalls, Duration latency, BigDecimal cost,
        int tokens) {

    public EvalContext {
        input = input == null ? "" : input;
        output = output == null ? "" : output;
        toolCalls = toolCalls == null ? List.of() : List.copyOf(toolCalls);
        latency = latency == null ? Duration.ZERO : latency;
        cost = cost == null ? BigDecimal.ZERO : cost;
    }

    /** A context holding only the output text. */
    public static EvalContext ofOutput(String output) {
        return new EvalContext("", output, List.of(), Duration.ZERO, BigDecimal.ZERO, 0);
    }

    /** A tool call the turn made: the tool's name and its arguments. */
    public record ToolCall(String name, Map<String, Object> arguments) {

        public ToolCall {
            arguments = arguments == null ? Map.of() : Map.copyOf(arguments);
        }
    }
}
