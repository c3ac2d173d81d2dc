/*
 * Copyright 2026 the PromptKit for Spring authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.promptkit.provider.openai;

import dev.promptkit.types.ToolChoice;
import tools.jackson.databind.node.ObjectNode;

/**
 * A {@link ToolChoice} as OpenAI's {@code tool_choice}: {@code auto}, {@code required} or {@code none}, or one
 * function by name, which Chat Completions nests in {@code function} and the Responses API puts beside the type.
 */
enum ToolChoiceShape {

    CHAT_COMPLETIONS,
    RESPONSES;

    /** Adds {@code tool_choice} to {@code body}. */
    void write(ObjectNode body, ToolChoice choice) {
        switch (choice.mode()) {
            case AUTO -> body.put("tool_choice", "auto");
            case REQUIRED -> body.put("tool_choice", "required");
            case NONE -> body.put("tool_choice", "none");
            case TOOL -> {
                ObjectNode function = body.putObject("tool_choice").put("type", "function");
                (this == CHAT_COMPLETIONS ? function.putObject("function") : function)
                        .put("name", choice.toolName());
            }
        }
    }
}
