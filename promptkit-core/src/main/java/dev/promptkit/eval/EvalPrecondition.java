/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.eval;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * An eval's {@code when}: what a turn must have done for the eval to run on it, with the Go runtime's keys:
 * {@code tool_called} (a tool's name), {@code tool_called_pattern} (a regex a called tool's name matches),
 * {@code any_tool_called} and {@code min_tool_calls}. Every key given must hold.
 *
 * @since 0.1.0
 */
public record EvalPrecondition(String toolCalled, Pattern toolCalledPattern, boolean anyToolCalled, int minToolCalls) {

    /** The keys {@code when} may hold. */
    public static final List<String> KEYS = List.of("tool_called", "tool_called_pattern", "any_tool_called",
            "min_tool_calls");

    /** A precondition that always holds. */
    public static final EvalPrecondition NONE = new EvalPrecondition(null, null, false, 0);

    /** Reads {@code when}; fails with {@link IllegalArgumentException} on an unknown key or a value of a wrong kind. */
    public static EvalPrecondition of(Map<String, Object> when) {
        if (when == null || when.isEmpty()) {
            return NONE;
        }
        when.keySet().stream().filter(key -> !KEYS.contains(key)).findFirst().ifPresent(key -> {
            throw new IllegalArgumentException("'when' has unknown key '" + key + "', valid: " + KEYS);
        });
        Object tool = when.get("tool_called");
        Object pattern = when.get("tool_called_pattern");
        Object any = when.get("any_tool_called");
        Object min = when.get("min_tool_calls");
        if (tool != null && !(tool instanceof String)) {
            throw new IllegalArgumentException("'when.tool_called' must be a tool name, got " + tool);
        }
        if (pattern != null && !(pattern instanceof String)) {
            throw new IllegalArgumentException("'when.tool_called_pattern' must be a regex, got " + pattern);
        }
        if (any != null && !(any instanceof Boolean)) {
            throw new IllegalArgumentException("'when.any_tool_called' must be true or false, got " + any);
        }
        if (min != null && !(min instanceof Integer count && count >= 0)) {
            throw new IllegalArgumentException("'when.min_tool_calls' must be a whole number of 0 or more, got " + min);
        }
        try {
            return new EvalPrecondition((String) tool, pattern == null ? null : Pattern.compile((String) pattern),
                    Boolean.TRUE.equals(any), min == null ? 0 : (Integer) min);
        }
        catch (PatternSyntaxException ex) {
            throw new IllegalArgumentException("'when.tool_called_pattern' is not a valid regex: " + ex.getMessage());
        }
    }

    /** Whether {@code context} meets every key. */
    public boolean holds(EvalContext context) {
        List<EvalContext.ToolCall> calls = context.toolCalls();
        return (toolCalled == null || calls.stream().anyMatch(call -> call.name().equals(toolCalled)))
                && (toolCalledPattern == null
                        || calls.stream().anyMatch(call -> toolCalledPattern.matcher(call.name()).matches()))
                && (!anyToolCalled || !calls.isEmpty())
                && calls.size() >= minToolCalls;
    }
}
