/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.provider.mock;

import dev.promptkit.types.ToolCall;
import java.util.Objects;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * A tool call a {@link MockTurn} asks for: the tool's name and its arguments as a JSON object.
 *
 * @param name the tool to call
 * @param arguments the arguments; this record keeps its own copy and hands out copies
 *
 * @since 0.1.0
 */
public record MockToolCall(String name, ObjectNode arguments) {

    public MockToolCall {
        Objects.requireNonNull(name, "name");
        arguments = arguments == null ? JsonNodeFactory.instance.objectNode() : arguments.deepCopy();
    }

    @Override
    public ObjectNode arguments() {
        return arguments.deepCopy();
    }

    /** This call as the mock provider emits it in position {@code index} of a turn: id {@code call_<index>_<name>}. */
    public ToolCall toToolCall(int index) {
        return new ToolCall("call_" + index + "_" + name, name, arguments.deepCopy());
    }
}
