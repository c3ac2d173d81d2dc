/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.tool;

import dev.promptkit.types.ToolCall;
import java.util.HashMap;
import java.util.Map;

/**
 * What one turn may still spend on tools: the calls left under {@code max_tool_calls_per_turn}, and
 * how often each identical call (same tool, same arguments) was made, to stop a model that repeats
 * itself. Used by one turn at a time.
 *
 * @since 0.1.0
 */
public final class ToolTurnBudget {

    /** The identical call that gets a "you are repeating yourself" error instead of running. */
    static final int IDENTICAL_CALL_WARNING = 3;

    private final int maxCalls;
    private int calls;
    private final Map<String, Integer> identicalCalls = new HashMap<>();

    public ToolTurnBudget(int maxCalls) {
        this.maxCalls = maxCalls;
    }

    /** Counts a call; what the model is told instead of running it, or {@code null} when it may run. */
    synchronized String admit(ToolCall call) {
        int repeats = identicalCalls.merge(call.name() + "|" + call.argumentsJson(), 1, Integer::sum);
        if (repeats > IDENTICAL_CALL_WARNING) {
            throw new ToolLoopException("The model called tool '" + call.name() + "' with the same arguments "
                    + repeats + " times in one turn, even after being told it was repeating itself");
        }
        if (repeats == IDENTICAL_CALL_WARNING) {
            return "this exact call was already made twice in this turn; use the earlier results instead of"
                    + " calling it again";
        }
        if (++calls > maxCalls) {
            return "the limit of " + maxCalls + " tool calls per turn is reached; answer with what you have";
        }
        return null;
    }
}
