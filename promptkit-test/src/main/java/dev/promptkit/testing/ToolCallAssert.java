/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.testing;

import dev.promptkit.types.ToolCall;
import java.math.BigDecimal;
import java.util.Map;
import java.util.Objects;
import org.assertj.core.api.AbstractAssert;

/**
 * Assertions on a {@link ToolCall}: the tool's name and the arguments the model passed. Numbers compare by value,
 * so {@code hasArgument("amount", 250)} holds for {@code 250}, {@code 250.0} and {@code 250L} alike.
 *
 * @since 0.1.0
 */
public final class ToolCallAssert extends AbstractAssert<ToolCallAssert, ToolCall> {

    ToolCallAssert(ToolCall actual) {
        super(actual, ToolCallAssert.class);
    }

    /**
     * Checks the name of the called tool.
     *
     * @param expected the tool name as the pack declares it
     * @return this
     */
    public ToolCallAssert hasName(String expected) {
        isNotNull();
        if (!Objects.equals(actual.name(), expected)) {
            failWithMessage("Expected a call of tool <%s> but it called <%s> with %s", expected, actual.name(),
                    actual.argumentsJson());
        }
        return this;
    }

    /**
     * Checks one argument of the call.
     *
     * @param name the argument's name
     * @param expected its value: a string, number, boolean, list or map as the JSON arguments hold it
     * @return this
     */
    public ToolCallAssert hasArgument(String name, Object expected) {
        isNotNull();
        Map<String, Object> arguments = actual.arguments();
        if (!arguments.containsKey(name)) {
            failWithMessage("Expected tool call <%s> to have argument <%s> but its arguments were %s", actual.name(),
                    name, actual.argumentsJson());
        }
        Object value = arguments.get(name);
        if (!sameValue(value, expected)) {
            failWithMessage("Expected argument <%s> of tool call <%s> to be <%s> but was <%s>", name, actual.name(),
                    expected, value);
        }
        return this;
    }

    /**
     * Checks that the call has exactly these arguments, no more and no fewer.
     *
     * @param expected the arguments by name
     * @return this
     */
    public ToolCallAssert hasArguments(Map<String, ?> expected) {
        isNotNull();
        Map<String, Object> arguments = actual.arguments();
        if (!arguments.keySet().equals(expected.keySet())) {
            failWithMessage("Expected tool call <%s> to have the arguments %s but they were %s", actual.name(),
                    expected.keySet(), arguments.keySet());
        }
        expected.forEach(this::hasArgument);
        return this;
    }

    static boolean sameValue(Object value, Object expected) {
        if (value instanceof Number number && expected instanceof Number wanted) {
            return new BigDecimal(number.toString()).compareTo(new BigDecimal(wanted.toString())) == 0;
        }
        return Objects.equals(value, expected);
    }
}
